package com.riskpulse.engine.alert;

import com.riskpulse.engine.alert.AlertQuery.TimeField;
import com.riskpulse.engine.alert.AlertStats.AgeBucket;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.riskpulse.engine.alert.AlertStatus.ACKNOWLEDGED;
import static com.riskpulse.engine.alert.AlertStatus.OPEN;
import static com.riskpulse.engine.alert.AlertStatus.RESOLVED;
import static com.riskpulse.engine.score.RiskLevel.CRITICAL;
import static com.riskpulse.engine.score.RiskLevel.HIGH;
import static com.riskpulse.engine.score.RiskLevel.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing, paging and statistics of alerts on a real database. */
abstract class AlertQueriesContract extends AlertDatabaseTest {

    /** 30 alerts: entities e-0..e-29, one a minute; severity, status and assignee cycle. */
    private List<Alert> dataset() {
        Instant start = clock.instant();
        List<Alert> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant at = start.plus(Duration.ofMinutes(i));
            clock.set(at);
            Alert a = raise("ent-" + i, RiskLevel.values()[1 + i % 3], at);
            if (i % 5 == 1) a = done(service.assign(ANALYST, a.id(), i % 2 == 0 ? "ana" : "bob"));
            if (i % 3 == 1) a = done(service.acknowledge(ANALYST, a.id()));
            if (i % 4 == 3) a = done(service.resolve(ANALYST, a.id(), Resolution.BENIGN, null));
            all.add(a);
        }
        return all;
    }

    private static Alert done(AlertOutcome outcome) {
        return ((AlertOutcome.Done) outcome).alert();
    }

    private static List<Long> newestFirst(List<Alert> all, Predicate<Alert> matching) {
        return all.stream().filter(matching).map(Alert::id).sorted((a, b) -> Long.compare(b, a)).toList();
    }

    private List<Long> ids(AlertQuery q) {
        return service.list(VIEWER, q).items().stream().map(Alert::id).toList();
    }

    @Test
    void filtersAloneAndCombinedAnswerNewestFirst() {
        List<Alert> all = dataset();
        Instant t10 = all.get(10).createdAt();
        Instant t20 = all.get(20).createdAt();
        AlertQuery every = AlertQuery.all(AlertQuery.MAX_LIMIT);

        assertThat(ids(every)).isEqualTo(newestFirst(all, a -> true));
        assertThat(ids(every.withStatuses(OPEN))).isEqualTo(newestFirst(all, a -> a.status() == OPEN));
        assertThat(ids(every.withStatuses(OPEN, ACKNOWLEDGED))).isEqualTo(newestFirst(all, a -> a.status().isOpen()));
        assertThat(ids(every.withSeverities(CRITICAL, MEDIUM))).isEqualTo(newestFirst(all, a -> a.severity() != HIGH));
        assertThat(ids(every.forEntity("ent-7"))).isEqualTo(newestFirst(all, a -> a.entityId().equals("ent-7")));
        assertThat(ids(every.assignedTo("bob"))).isEqualTo(newestFirst(all, a -> "bob".equals(a.assignee())));
        assertThat(ids(every.between(TimeField.CREATED_AT, t10, t20)))
                .isEqualTo(newestFirst(all, a -> !a.createdAt().isBefore(t10) && a.createdAt().isBefore(t20)));
        assertThat(ids(every.between(TimeField.LAST_SEEN, t10, t20)))
                .isEqualTo(newestFirst(all, a -> !a.lastSeen().isBefore(t10) && a.lastSeen().isBefore(t20)));
        assertThat(ids(every.withStatuses(ACKNOWLEDGED).withSeverities(HIGH).between(TimeField.CREATED_AT, t10, t20.plusSeconds(600))))
                .isEqualTo(newestFirst(all, a -> a.status() == ACKNOWLEDGED && a.severity() == HIGH
                        && !a.createdAt().isBefore(t10) && a.createdAt().isBefore(t20.plusSeconds(600))))
                .isNotEmpty();
    }

    @Test
    void pagingWalksEveryMatchingAlertExactlyOnce() {
        List<Alert> all = dataset();
        AlertQuery query = AlertQuery.all(4).withStatuses(OPEN, RESOLVED);
        List<Long> seen = new ArrayList<>();
        Long cursor = null;
        for (int pages = 0; pages < 30; pages++) {
            Page<Alert> page = service.list(ANALYST, query.after(cursor));
            page.items().forEach(a -> seen.add(a.id()));
            if (!page.hasMore()) break;
            assertThat(page.items()).hasSize(4);
            cursor = page.nextCursor();
        }

        assertThat(seen).doesNotHaveDuplicates().isEqualTo(newestFirst(all, a -> a.status() != ACKNOWLEDGED));
    }

    @Test
    void getAnswersTheAlertWithItsEventsOrNothing() {
        Alert alert = raise("acct-1");

        assertThat(service.get(VIEWER, alert.id())).hasValueSatisfying(d -> {
            assertThat(d.alert()).isEqualTo(alert);
            assertThat(d.events()).singleElement().extracting(AlertEvent::assessmentId).isEqualTo(alert.firstAssessmentId());
        });
        assertThat(service.get(VIEWER, alert.id() + 1_000)).isEmpty();
    }

    @Test
    void statisticsCountStatusSeverityAndAgeAndTimeTheWork() {
        Instant now = clock.instant();
        Alert fresh = raise("e-fresh", HIGH, now.minus(Duration.ofMinutes(10)));          // < 1 h
        Alert hours = raise("e-hours", CRITICAL, now.minus(Duration.ofHours(5)));         // 1–24 h
        Alert old = raise("e-old", HIGH, now.minus(Duration.ofHours(30)));                // > 24 h
        Alert boundary = raise("e-hour", MEDIUM, now.minus(Duration.ofHours(1)));         // exactly 1 h: 1–24 h
        Alert acked = raise("e-acked", HIGH, now.minus(Duration.ofHours(2)));
        Alert closed = raise("e-closed", CRITICAL, now.minus(Duration.ofHours(3)));
        // acknowledged 20 min after raising, resolved 50 min after
        clock.set(acked.createdAt().plus(Duration.ofMinutes(20)));
        service.acknowledge(ANALYST, acked.id());
        clock.set(closed.createdAt().plus(Duration.ofMinutes(40)));
        service.acknowledge(ANALYST, closed.id());
        clock.set(closed.createdAt().plus(Duration.ofMinutes(50)));
        service.resolve(ANALYST, closed.id(), Resolution.CONFIRMED_FRAUD, "blocked");
        clock.set(now);

        AlertStats stats = service.stats(VIEWER, now.minus(Duration.ofHours(24)), now);

        assertThat(stats.byStatus()).isEqualTo(Map.of(OPEN, 4L, ACKNOWLEDGED, 1L, RESOLVED, 1L));
        assertThat(stats.bySeverity()).isEqualTo(Map.of(RiskLevel.LOW, 0L, MEDIUM, 1L, HIGH, 3L, CRITICAL, 2L));
        assertThat(stats.openByAge()).isEqualTo(Map.of(AgeBucket.UNDER_1_HOUR, 1L, AgeBucket.FROM_1_TO_24_HOURS, 3L,
                AgeBucket.OVER_24_HOURS, 1L));
        assertThat(stats.acknowledgedInWindow()).isEqualTo(2);
        assertThat(stats.meanTimeToAcknowledge()).isEqualTo(Duration.ofMinutes(30)); // (20 + 40) / 2
        assertThat(stats.resolvedInWindow()).isEqualTo(1);
        assertThat(stats.meanTimeToResolve()).isEqualTo(Duration.ofMinutes(50));
        assertThat(List.of(fresh, hours, old, boundary)).allSatisfy(a -> assertThat(a.status()).isEqualTo(OPEN));

        AlertStats earlier = service.stats(VIEWER, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
        assertThat(earlier.acknowledgedInWindow()).isZero();
        assertThat(earlier.meanTimeToAcknowledge()).isNull();
        assertThat(earlier.meanTimeToResolve()).isNull();
    }

    @Test
    void readingNeedsNoMoreThanAViewerAndAQueryIsValidated() {
        assertThat(service.list(VIEWER, AlertQuery.all(10)).items()).isEmpty();
        assertThatThrownBy(() -> AlertQuery.all(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertQuery.all(10).between(TimeField.LAST_SEEN, clock.instant(), clock.instant()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
