package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What analysts do with alerts, and what everyone may read about them. Lifecycle: OPEN → ACKNOWLEDGED →
 * RESOLVED; resolving straight from OPEN is allowed (a duplicate or an obvious false positive needs no
 * acknowledgement first), assigning is allowed while the alert is open. Everything else — acknowledging
 * twice, acting on a resolved alert — is refused with {@link AlertOutcome.IllegalTransition} and changes
 * nothing. Commands need {@link Permission#WORK_ALERTS}, are audited in the same transaction, and told to
 * {@link AlertFeed} subscribers. Two analysts acting on one alert at once: the first to commit wins, the
 * other gets {@link AlertOutcome.Conflict} (optimistic locking), never a silent overwrite.
 */
public final class AlertService {

    private final Alerts alerts;
    private final AuditLog audit;
    private final AlertFeed feed;
    private final Clock clock;

    public AlertService(Alerts alerts, AuditLog audit, AlertFeed feed, Clock clock) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AlertOutcome acknowledge(Actor actor, long alertId) {
        return acknowledge(actor, alertId, null);
    }

    /** OPEN → ACKNOWLEDGED. {@code expectedVersion}: the version the analyst saw, or null for "as it is now". */
    public AlertOutcome acknowledge(Actor actor, long alertId, Long expectedVersion) {
        actor.require(Permission.WORK_ALERTS);
        Instant now = clock.instant();
        return command(actor, alertId, expectedVersion, AuditAction.ALERT_ACKNOWLEDGED, Map.of(), alert -> switch (alert.status()) {
            case OPEN -> new AlertOutcome.Done(alert.acknowledged(actor.username(), now));
            case ACKNOWLEDGED -> refuse(alert, AlertStatus.ACKNOWLEDGED,
                    "alert " + alert.id() + " was already acknowledged by " + alert.acknowledgedBy() + " at " + alert.acknowledgedAt());
            case RESOLVED -> refuse(alert, AlertStatus.ACKNOWLEDGED, resolvedMessage(alert, "acknowledged"));
        });
    }

    public AlertOutcome assign(Actor actor, long alertId, String assignee) {
        return assign(actor, alertId, assignee, null);
    }

    /** Sets who works an OPEN or ACKNOWLEDGED alert; the status does not change. */
    public AlertOutcome assign(Actor actor, long alertId, String assignee, Long expectedVersion) {
        actor.require(Permission.WORK_ALERTS);
        if (assignee == null || assignee.isBlank()) throw new IllegalArgumentException("assignee is required");
        String who = assignee.strip();
        return command(actor, alertId, expectedVersion, AuditAction.ALERT_ASSIGNED, Map.of("assignee", who), alert ->
                alert.status().isOpen()
                        ? new AlertOutcome.Done(alert.assignedTo(who))
                        : refuse(alert, alert.status(), resolvedMessage(alert, "assigned")));
    }

    public AlertOutcome resolve(Actor actor, long alertId, Resolution resolution, String note) {
        return resolve(actor, alertId, resolution, note, null);
    }

    /** OPEN or ACKNOWLEDGED → RESOLVED with a resolution and an optional note; frees the entity for a new alert. */
    public AlertOutcome resolve(Actor actor, long alertId, Resolution resolution, String note, Long expectedVersion) {
        actor.require(Permission.WORK_ALERTS);
        if (resolution == null) throw new IllegalArgumentException("resolution is required: one of " + Arrays.toString(Resolution.values()));
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resolution", resolution.name());
        if (note != null) details.put("note", note);
        return command(actor, alertId, expectedVersion, AuditAction.ALERT_RESOLVED, details, alert ->
                alert.status().isOpen()
                        ? new AlertOutcome.Done(alert.resolved(actor.username(), now, resolution, note))
                        : refuse(alert, AlertStatus.RESOLVED, resolvedMessage(alert, "resolved again")));
    }

    /** An alert with its events; empty when there is none with that id. */
    public Optional<AlertDetail> get(Actor actor, long alertId) {
        actor.require(Permission.READ_ALERTS);
        return alerts.get(alertId);
    }

    /** The queue, filtered, newest first, paged by key. */
    public Page<Alert> list(Actor actor, AlertQuery query) {
        actor.require(Permission.READ_ALERTS);
        return alerts.list(query);
    }

    /** Counts as of now; mean times to acknowledge and to resolve over [{@code from}, {@code to}). */
    public AlertStats stats(Actor actor, Instant from, Instant to) {
        actor.require(Permission.READ_STATS);
        return alerts.stats(clock.instant(), from, to);
    }

    private AlertOutcome command(Actor actor, long alertId, Long expectedVersion, AuditAction action, Map<String, Object> facts,
                                 Function<Alert, AlertOutcome> decide) {
        AlertOutcome outcome = alerts.update(alertId, expectedVersion, decide, (before, after) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", before.status().name());
            details.put("after", after.status().name());
            details.putAll(facts);
            details.put("version", after.version());
            audit.record(new AuditEvent(actor, action, Alert.target(alertId), details));
        });
        if (outcome instanceof AlertOutcome.Done(Alert after)) {
            feed.publish(switch (action) {
                case ALERT_ACKNOWLEDGED -> new AlertChange.Acknowledged(after);
                case ALERT_ASSIGNED -> new AlertChange.Assigned(after);
                default -> new AlertChange.Resolved(after);
            });
        }
        return outcome;
    }

    private static AlertOutcome refuse(Alert alert, AlertStatus to, String message) {
        return new AlertOutcome.IllegalTransition(alert.status(), to, message);
    }

    private static String resolvedMessage(Alert alert, String verb) {
        return "alert " + alert.id() + " was resolved (" + alert.resolution() + ") by " + alert.resolvedBy() + " at "
                + alert.resolvedAt() + " and cannot be " + verb;
    }
}
