package com.riskpulse.engine.alert;

import com.riskpulse.engine.alert.AlertOutcome.Done;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static com.riskpulse.engine.score.RiskLevel.CRITICAL;
import static com.riskpulse.engine.score.RiskLevel.HIGH;
import static com.riskpulse.engine.score.RiskLevel.LOW;
import static com.riskpulse.engine.score.RiskLevel.MEDIUM;
import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The alert policy on a real database: raising, joining the open alert, the live minimum level, draining. */
abstract class AlertPolicyContract extends AlertDatabaseTest {

    private final AtomicReference<AlertPolicySettings> settings = new AtomicReference<>(AlertPolicySettings.DEFAULTS);
    private final List<AlertChange> heard = new CopyOnWriteArrayList<>();
    private AlertPolicy policy;

    @BeforeEach
    void defaults() {
        settings.set(AlertPolicySettings.DEFAULTS);
        heard.clear();
    }

    private AlertPolicy startPolicy() {
        policy = AlertPolicy.start(alerts, settings::get, feed, clock);
        policy.subscribe(heard::add);
        return policy;
    }

    @AfterEach
    void stopPolicy() throws InterruptedException {
        if (policy != null) policy.close();
    }

    private void feed(Assessment... assessments) {
        for (Assessment a : assessments) policy.onAssessment(a);
        await().atMost(Duration.ofSeconds(10)).until(() -> policy.backlog() == 0);
    }

    private List<Alert> alertsOf(String entity) {
        return alerts.list(AlertQuery.all(100).forEntity(entity)).items();
    }

    @Test
    void repeatedHighRiskEventsOfOneEntityJoinOneAlert() {
        startPolicy();
        Assessment first = assessment("acct-1", HIGH, 0.85, T0);
        Assessment second = assessment("acct-1", CRITICAL, 0.97, T0.plusSeconds(30));
        Assessment third = assessment("acct-1", HIGH, 0.82, T0.plusSeconds(60));

        feed(first);
        feed(second, third);

        Alert alert = alertsOf("acct-1").getFirst();
        assertThat(alertsOf("acct-1")).hasSize(1);
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.policy()).isEqualTo(AlertPolicy.NAME);
        assertThat(alert.eventCount()).isEqualTo(3);
        assertThat(alert.firstSeen()).isEqualTo(T0);
        assertThat(alert.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(alert.highestScore()).isEqualTo(0.97);
        assertThat(alert.severity()).isEqualTo(CRITICAL); // raised by the critical one, not lowered after it
        assertThat(alert.firstAssessmentId()).isEqualTo(first.id());
        assertThat(alert.lastAssessmentId()).isEqualTo(third.id());
        assertThat(alert.createdAt()).isEqualTo(clock.instant());
        assertThat(alerts.get(alert.id()).orElseThrow().events()).containsExactly(
                new AlertEvent(first.id(), first.eventId(), 0.85, HIGH, T0),
                new AlertEvent(second.id(), second.eventId(), 0.97, CRITICAL, T0.plusSeconds(30)),
                new AlertEvent(third.id(), third.eventId(), 0.82, HIGH, T0.plusSeconds(60)));
        assertThat(heard).first().isInstanceOf(AlertChange.Raised.class);
        assertThat(heard.getLast()).isInstanceOf(AlertChange.Updated.class);
        assertThat(heard.getLast().alert()).isEqualTo(alert);
    }

    @Test
    void manyEventsInOneBatchStillMakeOneAlertPerEntity() throws InterruptedException {
        startPolicy();
        for (int i = 0; i < 300; i++) policy.onAssessment(assessment("acct-" + (i % 3), HIGH, 0.8 + i / 10_000.0, T0.plusSeconds(i)));
        policy.close();

        for (int e = 0; e < 3; e++) {
            assertThat(alertsOf("acct-" + e)).singleElement().extracting(Alert::eventCount).isEqualTo(100);
        }
    }

    @Test
    void mediumAndLowAssessmentsNeitherRaiseNorJoin() {
        startPolicy();
        feed(assessment("acct-1", MEDIUM, 0.6, T0), assessment("acct-2", LOW, 0.1, T0));
        assertThat(alertsOf("acct-1")).isEmpty();

        feed(assessment("acct-1", HIGH, 0.9, T0.plusSeconds(1)), assessment("acct-1", MEDIUM, 0.7, T0.plusSeconds(2)));

        assertThat(alertsOf("acct-1")).singleElement().satisfies(a -> {
            assertThat(a.eventCount()).isEqualTo(1);
            assertThat(a.lastSeen()).isEqualTo(T0.plusSeconds(1));
        });
        assertThat(alertsOf("acct-2")).isEmpty();
    }

    @Test
    void anAcknowledgedAlertStillCollectsItsEntitysEvents() {
        startPolicy();
        feed(assessment("acct-1", HIGH, 0.9, T0));
        Alert alert = alertsOf("acct-1").getFirst();
        service.acknowledge(ANALYST, alert.id());

        feed(assessment("acct-1", HIGH, 0.9, T0.plusSeconds(5)));

        assertThat(alertsOf("acct-1")).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
            assertThat(a.eventCount()).isEqualTo(2);
        });
    }

    @Test
    void afterResolutionTheEntitysNextHighRiskEventOpensANewAlert() {
        startPolicy();
        feed(assessment("acct-1", HIGH, 0.9, T0));
        Alert first = alertsOf("acct-1").getFirst();
        assertThat(service.resolve(ANALYST, first.id(), Resolution.BENIGN, null)).isInstanceOf(Done.class);

        // the policy's index still names the resolved alert: it must notice and open a new one
        feed(assessment("acct-1", HIGH, 0.88, T0.plusSeconds(600)));
        feed(assessment("acct-1", HIGH, 0.91, T0.plusSeconds(700)));

        List<Alert> all = alertsOf("acct-1");
        assertThat(all).hasSize(2);
        assertThat(all.getFirst().id()).isGreaterThan(first.id());
        assertThat(all.getFirst().status()).isEqualTo(AlertStatus.OPEN);
        assertThat(all.getFirst().eventCount()).isEqualTo(2);
        assertThat(all.getLast()).isEqualTo(reload(first.id()));
        assertThat(all.getLast().eventCount()).isEqualTo(1);
    }

    @Test
    void aNewMinimumLevelAppliesFromTheNextAssessment() {
        startPolicy();
        feed(assessment("acct-1", MEDIUM, 0.6, T0));
        assertThat(alertsOf("acct-1")).isEmpty();

        settings.set(new AlertPolicySettings(MEDIUM));
        feed(assessment("acct-1", MEDIUM, 0.61, T0.plusSeconds(1)));
        assertThat(alertsOf("acct-1")).singleElement().extracting(Alert::severity).isEqualTo(MEDIUM);

        settings.set(new AlertPolicySettings(CRITICAL));
        feed(assessment("acct-2", HIGH, 0.9, T0.plusSeconds(2)), assessment("acct-1", HIGH, 0.9, T0.plusSeconds(3)));
        assertThat(alertsOf("acct-2")).isEmpty();
        assertThat(alertsOf("acct-1")).singleElement().extracting(Alert::eventCount).isEqualTo(1);
    }

    @Test
    void aRestartedPolicyJoinsTheOpenAlertsItFindsInTheDatabase() throws InterruptedException {
        startPolicy();
        feed(assessment("acct-1", HIGH, 0.9, T0));
        policy.close();

        startPolicy();
        feed(assessment("acct-1", CRITICAL, 0.96, T0.plusSeconds(10)));

        assertThat(alertsOf("acct-1")).singleElement().satisfies(a -> {
            assertThat(a.eventCount()).isEqualTo(2);
            assertThat(a.severity()).isEqualTo(CRITICAL);
        });
    }

    @Test
    void aReDeliveredEventJoinsItsAlertOnce() {
        startPolicy();
        Assessment original = assessment("acct-1", HIGH, 0.9, T0);
        Assessment rescored = Fixtures.assessmentBuilder(original.event()).scored(0.92, HIGH).build();

        feed(original, assessment("acct-1", HIGH, 0.85, T0.plusSeconds(1)));
        feed(rescored);

        assertThat(alertsOf("acct-1")).singleElement().extracting(Alert::eventCount).isEqualTo(2);
    }

    @Test
    void closeWritesEverythingAcceptedAndThenRefusesMore() throws InterruptedException {
        startPolicy();
        Instant at = T0;
        for (int i = 0; i < 1_000; i++) policy.onAssessment(assessment("acct-" + (i % 50), HIGH, 0.9, at.plusMillis(i)));

        policy.close();

        assertThat(policy.backlog()).isZero();
        assertThat(alerts.list(AlertQuery.all(100)).items()).hasSize(50).allSatisfy(a -> assertThat(a.eventCount()).isEqualTo(20));
        assertThatThrownBy(() -> policy.onAssessment(assessment("acct-1", HIGH, 0.9, T0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDatabaseItselfRefusesASecondOpenAlertForAnEntity() throws SQLException {
        Alert alert = raise("acct-1");

        try (Connection c = connection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO alerts (entity_id, policy, status, severity, first_seen, last_seen, event_count, highest_score,"
                    + " first_assessment_id, last_assessment_id, created_at, open_slot, version %s) VALUES ('acct-1', '"
                    + AlertPolicy.NAME + "', '%s', 'HIGH', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 0.9, 1, 1, CURRENT_TIMESTAMP, %s, 0 %s)";
            assertThatThrownBy(() -> s.execute(insert.formatted("", "ACKNOWLEDGED", "TRUE", ""))).isInstanceOf(SQLException.class);
            // an open alert must hold the slot, a resolved one must not
            assertThatThrownBy(() -> s.execute(insert.formatted("", "OPEN", "NULL", ""))).isInstanceOf(SQLException.class);
            // any number of resolved ones may sit beside the open one
            s.execute(insert.formatted(", resolution", "RESOLVED", "NULL", ", 'BENIGN'"));
            s.execute(insert.formatted(", resolution", "RESOLVED", "NULL", ", 'DUPLICATE'"));
        }
        assertThat(alertsOf("acct-1")).hasSize(3).filteredOn(a -> a.status().isOpen()).singleElement().isEqualTo(alert);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersOrTheWriter() {
        startPolicy();
        policy.subscribe(change -> { throw new IllegalStateException("boom"); });

        feed(assessment("acct-1", HIGH, 0.9, T0));
        feed(assessment("acct-2", HIGH, 0.9, T0));

        assertThat(heard).hasSize(2);
        assertThat(alertsOf("acct-2")).hasSize(1);
    }

}
