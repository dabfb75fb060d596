package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.HibernateSessions;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.query.SelectionQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** {@link Alerts} on Hibernate, over the tables of {@code V5__alerts.sql}. Thread-safe: one session per call. */
public final class HibernateAlerts implements Alerts, AutoCloseable {

    /** The annotated classes to register when several features share one session factory. */
    public static final List<Class<?>> ENTITIES = List.of(HibernateAlertEntity.class, HibernateAlertEventEntity.class);

    private final SessionFactory sessions;
    private final boolean ownsSessions;

    public HibernateAlerts(SessionFactory sessions) {
        this(sessions, false);
    }

    private HibernateAlerts(SessionFactory sessions, boolean ownsSessions) {
        this.sessions = sessions;
        this.ownsSessions = ownsSessions;
    }

    /** Alerts on {@code database} with a session factory of their own, closed with them. */
    public static HibernateAlerts open(Database database) {
        return new HibernateAlerts(HibernateSessions.open(database, ENTITIES), true);
    }

    @Override
    public List<AlertChange> record(String policy, List<Assessment> batch, Map<String, Long> openHints, Instant now) {
        if (batch.isEmpty()) return List.of();
        Map<Long, HibernateAlertEntity> touched = new LinkedHashMap<>();
        Set<Long> raised = new HashSet<>();
        try {
            sessions.inTransaction(session -> writeBatch(session, policy, batch, openHints, now, touched, raised));
        } catch (RuntimeException e) {
            if (isOptimisticLockFailure(e) || isConstraintViolation(e)) {
                throw new ConcurrentChange("a concurrent change to the alerts of this batch: " + e.getMessage(), e);
            }
            throw e;
        }
        List<AlertChange> changes = new ArrayList<>(touched.size());
        for (HibernateAlertEntity e : touched.values()) {
            changes.add(raised.contains(e.id) ? new AlertChange.Raised(e.toAlert()) : new AlertChange.Updated(e.toAlert()));
        }
        return changes;
    }

    private static void writeBatch(Session session, String policy, List<Assessment> batch, Map<String, Long> openHints,
                                   Instant now, Map<Long, HibernateAlertEntity> touched, Set<Long> raised) {
        Set<String> attached = attachedEvents(session, batch);
        Map<String, HibernateAlertEntity> open = new HashMap<>();
        for (Assessment a : batch) {
            HibernateAlertEntity alert = open.computeIfAbsent(a.entityId(), entity -> hinted(session, policy, openHints.get(entity)));
            if (alert == null) {
                // no open alert known: the unique key (entity, policy, open_slot) stops a second one that
                // another node raised meanwhile; the caller then retries with hints read from the database
                alert = HibernateAlertEntity.raise(policy, a, now);
                session.persist(alert);
                raised.add(alert.id);
                open.put(a.entityId(), alert);
            } else if (!attached.add(alert.id + "/" + a.eventId())) {
                continue; // a re-delivered event joins its alert once
            } else {
                alert.attach(a);
            }
            attached.add(alert.id + "/" + a.eventId());
            session.persist(HibernateAlertEventEntity.of(alert.id, a));
            touched.putIfAbsent(alert.id, alert);
        }
        session.flush(); // versions move on here, so the changes told to listeners carry them
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException) return true;
        }
        return false;
    }

    /** The hinted alert when it is still open (an analyst may have resolved it since the hint was taken). */
    private static HibernateAlertEntity hinted(Session session, String policy, Long id) {
        if (id == null) return null;
        HibernateAlertEntity alert = session.find(HibernateAlertEntity.class, id);
        return alert != null && alert.isOpen() && alert.policy.equals(policy) ? alert : null;
    }

    /** "alertId/eventId" of the batch's events already attached somewhere: one query per batch. */
    private static Set<String> attachedEvents(Session session, List<Assessment> batch) {
        Set<String> eventIds = new HashSet<>();
        for (Assessment a : batch) eventIds.add(a.eventId());
        Set<String> attached = new HashSet<>();
        session.createSelectionQuery("select e.alertId, e.eventId from HibernateAlertEventEntity e where e.eventId in :ids", Object[].class)
                .setParameter("ids", eventIds)
                .getResultList()
                .forEach(row -> attached.add(row[0] + "/" + row[1]));
        return attached;
    }

    @Override
    public Map<String, Long> openAlertIds(String policy, Collection<String> entityIds) {
        if (entityIds != null && entityIds.isEmpty()) return Map.of();
        return sessions.fromSession(session -> {
            SelectionQuery<Object[]> q = session.createSelectionQuery(
                    "select a.entityId, a.id from HibernateAlertEntity a where a.policy = :policy and a.openSlot = true"
                            + (entityIds == null ? "" : " and a.entityId in :ids"), Object[].class)
                    .setParameter("policy", policy);
            if (entityIds != null) q.setParameter("ids", entityIds);
            Map<String, Long> ids = new HashMap<>();
            for (Object[] row : q.getResultList()) ids.put((String) row[0], (Long) row[1]);
            return ids;
        });
    }

    @Override
    public AlertOutcome update(long id, Long expectedVersion, Function<Alert, AlertOutcome> decide,
                               BiConsumer<Alert, Alert> beforeCommit) {
        try {
            return sessions.fromTransaction(session -> {
                HibernateAlertEntity e = session.find(HibernateAlertEntity.class, id);
                if (e == null) return new AlertOutcome.NotFound(id);
                if (expectedVersion != null && expectedVersion != e.version) {
                    return new AlertOutcome.Conflict("alert " + id + " has changed since version " + expectedVersion
                            + " (it is now at version " + e.version + ", " + e.status + "): reload it and try again");
                }
                Alert before = e.toAlert();
                AlertOutcome outcome = decide.apply(before);
                if (!(outcome instanceof AlertOutcome.Done(Alert next))) return outcome;
                e.applyWorkflow(next);
                // UPDATE ... WHERE version = ?: an analyst or the policy that committed first shows up here
                session.flush();
                Alert after = e.toAlert();
                beforeCommit.accept(before, after);
                return new AlertOutcome.Done(after);
            });
        } catch (RuntimeException e) {
            if (isOptimisticLockFailure(e)) {
                return new AlertOutcome.Conflict("alert " + id + " was changed by someone else at the same time: reload it and try again");
            }
            throw e;
        }
    }

    /** True for a version check that failed at flush: another transaction committed the same row first. */
    static boolean isOptimisticLockFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) return true;
        }
        return false;
    }

    @Override
    public Optional<AlertDetail> get(long id) {
        return sessions.fromSession(session -> {
            HibernateAlertEntity alert = session.find(HibernateAlertEntity.class, id);
            if (alert == null) return Optional.empty();
            List<AlertEvent> events = session.createSelectionQuery(
                            "from HibernateAlertEventEntity e where e.alertId = :id order by e.at, e.id", HibernateAlertEventEntity.class)
                    .setParameter("id", id)
                    .getResultList().stream().map(HibernateAlertEventEntity::toEvent).toList();
            return Optional.of(new AlertDetail(alert.toAlert(), events));
        });
    }

    @Override
    public Page<Alert> list(AlertQuery q) {
        StringBuilder hql = new StringBuilder("from HibernateAlertEntity a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!q.statuses().isEmpty()) {
            hql.append(" and a.status in :statuses");
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (!q.severities().isEmpty()) {
            hql.append(" and a.severity in :severities");
            params.put("severities", q.severities().stream().map(Enum::name).toList());
        }
        if (q.entityId() != null) {
            hql.append(" and a.entityId = :entity");
            params.put("entity", q.entityId());
        }
        if (q.assignee() != null) {
            hql.append(" and a.assignee = :assignee");
            params.put("assignee", q.assignee());
        }
        String time = q.timeField() == AlertQuery.TimeField.CREATED_AT ? "a.createdAt" : "a.lastSeen";
        if (q.from() != null) {
            hql.append(" and ").append(time).append(" >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            hql.append(" and ").append(time).append(" < :to");
            params.put("to", q.to());
        }
        if (q.beforeId() != null) {
            hql.append(" and a.id < :before");
            params.put("before", q.beforeId());
        }
        hql.append(" order by a.id desc");
        List<Alert> rows = sessions.fromSession(session -> {
            SelectionQuery<HibernateAlertEntity> query = session.createSelectionQuery(hql.toString(), HibernateAlertEntity.class);
            params.forEach(query::setParameter);
            // one more than the page: whether there is a next page, without a count
            return query.setMaxResults(q.limit() + 1).getResultList().stream().map(HibernateAlertEntity::toAlert).toList();
        });
        boolean more = rows.size() > q.limit();
        List<Alert> page = more ? rows.subList(0, q.limit()) : rows;
        return new Page<>(page, more ? page.getLast().id() : null);
    }

    @Override
    public AlertStats stats(Instant now, Instant from, Instant to) {
        return sessions.fromSession(session -> {
            Map<AlertStatus, Long> byStatus = new EnumMap<>(AlertStatus.class);
            for (AlertStatus s : AlertStatus.values()) byStatus.put(s, 0L);
            for (Object[] row : session.createSelectionQuery(
                    "select a.status, count(a) from HibernateAlertEntity a group by a.status", Object[].class).getResultList()) {
                byStatus.put(AlertStatus.valueOf((String) row[0]), (Long) row[1]);
            }
            Map<RiskLevel, Long> bySeverity = new EnumMap<>(RiskLevel.class);
            for (RiskLevel l : RiskLevel.values()) bySeverity.put(l, 0L);
            for (Object[] row : session.createSelectionQuery(
                    "select a.severity, count(a) from HibernateAlertEntity a group by a.severity", Object[].class).getResultList()) {
                bySeverity.put(RiskLevel.valueOf((String) row[0]), (Long) row[1]);
            }
            Instant hourAgo = now.minus(Duration.ofHours(1));
            Instant dayAgo = now.minus(Duration.ofHours(24));
            String open = "select count(a) from HibernateAlertEntity a where a.openSlot = true";
            Map<AlertStats.AgeBucket, Long> byAge = new EnumMap<>(AlertStats.AgeBucket.class);
            byAge.put(AlertStats.AgeBucket.UNDER_1_HOUR, session.createSelectionQuery(open + " and a.createdAt > :h", Long.class)
                    .setParameter("h", hourAgo).getSingleResult());
            byAge.put(AlertStats.AgeBucket.FROM_1_TO_24_HOURS, session.createSelectionQuery(
                            open + " and a.createdAt <= :h and a.createdAt > :d", Long.class)
                    .setParameter("h", hourAgo).setParameter("d", dayAgo).getSingleResult());
            byAge.put(AlertStats.AgeBucket.OVER_24_HOURS, session.createSelectionQuery(open + " and a.createdAt <= :d", Long.class)
                    .setParameter("d", dayAgo).getSingleResult());
            List<Duration> toAcknowledge = durations(session, "acknowledgedAt", from, to);
            List<Duration> toResolve = durations(session, "resolvedAt", from, to);
            return new AlertStats(byStatus, bySeverity, byAge, from, to, toAcknowledge.size(), mean(toAcknowledge),
                    toResolve.size(), mean(toResolve));
        });
    }

    /** created → {@code field} of the alerts whose {@code field} falls in [from, to). */
    private static List<Duration> durations(Session session, String field, Instant from, Instant to) {
        // differences are taken here, not in SQL: interval arithmetic is where H2 and PostgreSQL differ
        return session.createSelectionQuery("select a.createdAt, a." + field + " from HibernateAlertEntity a where a."
                        + field + " >= :from and a." + field + " < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().stream()
                .map(row -> Duration.between((Instant) row[0], (Instant) row[1])).toList();
    }

    private static Duration mean(List<Duration> durations) {
        if (durations.isEmpty()) return null;
        Duration sum = Duration.ZERO;
        for (Duration d : durations) sum = sum.plus(d);
        return sum.dividedBy(durations.size());
    }

    @Override
    public void close() {
        if (ownsSessions) sessions.close();
    }
}
