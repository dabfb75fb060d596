package com.riskpulse.engine.config;

import com.riskpulse.engine.alert.AlertPolicySettings;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.config.ConfigService.Loaded;
import com.riskpulse.engine.config.ConfigService.UpdateOutcome;
import com.riskpulse.engine.score.LiveScoringModel;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.testing.InMemoryAssessments;
import com.riskpulse.engine.testing.RecordingAuditLog;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service on a real H2: start-up precedence, updates, roles and conflicts. */
class ConfigServiceTest {

    static final Actor ADMIN = new Actor(1, "alice", Role.ADMIN, Origin.CONSOLE);
    static final Actor OTHER_ADMIN = new Actor(2, "bob", Role.ADMIN, Origin.API);
    static final Actor ANALYST = new Actor(3, "carol", Role.ANALYST, Origin.CONSOLE);
    static final Actor VIEWER = new Actor(4, "dave", Role.VIEWER, Origin.API);

    private final TestDatabases.Scratch db = TestDatabases.h2();
    private final JdbcConfigVersions versions = new JdbcConfigVersions(db.database().dataSource());
    private final LiveScoringModel live = new LiveScoringModel(ScoringConfig.defaults());
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final ConfigService service = new ConfigService(versions, live, new InMemoryAssessments(), audit,
            Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void firstStartStoresTheEnvironmentsStartingValuesAsVersionOne() {
        Loaded loaded = service.load(Environment.of(Map.of("RISK_HIGH_THRESHOLD", "0.7", "RISK_CRITICAL_THRESHOLD", "0.9",
                "ALERT_MIN_LEVEL", "medium", "RETENTION_DAYS", "7")));

        assertThat(loaded.created()).isTrue();
        ConfigDocument v1 = versions.current().orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.createdBy()).isEqualTo("system");
        assertThat(v1.thresholds()).isEqualTo(new ConfigDocument.ThresholdValues(0.3, 0.5, 0.7, 0.9));
        assertThat(v1.alertPolicy().minimumLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(v1.retentionDays()).isEqualTo(7);
        assertThat(v1.weights()).isEqualTo(ScoringConfig.DEFAULT_WEIGHTS); // unset: the shipped defaults
        assertThat(live.config().version()).isEqualTo(1);
        assertThat(live.config().thresholds().high()).isEqualTo(0.7);
        assertThat(service.alertPolicy().get().minimumLevel()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void aStoredVersionWinsOverTheEnvironmentAndIsNotStoredAgain() {
        service.load(Environment.of(Map.of()));
        service.update(ADMIN, service.current().withHighThreshold(0.6), 1, "more alerts");

        // a restart, with an environment that now asks for something else
        LiveScoringModel restarted = new LiveScoringModel(ScoringConfig.defaults());
        ConfigService again = new ConfigService(versions, restarted, new InMemoryAssessments(), audit, Clock.systemUTC());
        Loaded loaded = again.load(Environment.of(Map.of("RISK_HIGH_THRESHOLD", "0.7")));

        assertThat(loaded.created()).isFalse();
        assertThat(loaded.current().version()).isEqualTo(2);
        assertThat(loaded.overridden()).containsExactly("thresholds.high: 0.7 -> 0.6");
        assertThat(restarted.config().version()).isEqualTo(2);
        assertThat(restarted.config().thresholds().high()).isEqualTo(0.6);
        assertThat(versions.history(10)).hasSize(2);
    }

    @Test
    void invalidStartingValuesFailTheFirstStartAndStoreNothing() {
        assertThatThrownBy(() -> service.load(Environment.of(Map.of("RISK_HIGH_THRESHOLD", "0.4"))))
                .hasMessageContaining("thresholds: must rise");
        assertThatThrownBy(() -> service.load(Environment.of(Map.of("RISK_HIGH_THRESHOLD", "abc"))))
                .hasMessage("RISK_HIGH_THRESHOLD='abc' is not a number");
        assertThat(versions.current()).isEmpty();
    }

    @Test
    void anAdminsUpdateIsStoredAuditedAndAppliedLive() throws Exception {
        service.load(Environment.of(Map.of()));
        List<ConfigDocument> told = new ArrayList<>();
        service.onChange(told::add);

        ConfigDocument proposed = service.current().withHighThreshold(0.7).withAlertPolicy(new AlertPolicySettings(RiskLevel.CRITICAL));
        UpdateOutcome outcome = service.update(ADMIN, proposed, 1, "tighter");

        assertThat(outcome).isInstanceOf(UpdateOutcome.Applied.class);
        ConfigDocument after = ((UpdateOutcome.Applied) outcome).after();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.createdBy()).isEqualTo("alice");
        assertThat(after.comment()).isEqualTo("tighter");
        assertThat(versions.current()).contains(after);
        assertThat(live.config().version()).isEqualTo(2);
        assertThat(live.config().thresholds().high()).isEqualTo(0.7);
        assertThat(service.alertPolicy().get().minimumLevel()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(told).containsExactly(after);
        AuditEvent entry = audit.of(AuditAction.CONFIG_CHANGED).getFirst();
        assertThat(entry.actor()).isEqualTo(ADMIN);
        assertThat(entry.target()).isEqualTo("config:2");
        assertThat(entry.details()).containsEntry("from_version", 1).containsEntry("to_version", 2).containsEntry("comment", "tighter")
                .containsEntry("changes", List.of("alert_policy.minimum_level: HIGH -> CRITICAL", "thresholds.high: 0.8 -> 0.7"))
                .containsKeys("before", "after");
        assertThat(service.history(VIEWER, 10)).extracting(ConfigDocument::version).containsExactly(2, 1);
    }

    @Test
    void anInvalidUpdateStoresNothingAppliesNothingAndAuditsNothing() {
        service.load(Environment.of(Map.of()));
        ScoringConfig applied = live.config();
        List<ConfigDocument> told = new ArrayList<>();
        service.onChange(told::add);

        UpdateOutcome outcome = service.update(ADMIN, service.current().withHighThreshold(1.3).withWeight("count_1m", Double.NaN), 1, "oops");

        assertThat(outcome).isEqualTo(new UpdateOutcome.Rejected(List.of(
                "thresholds.high: must be in [0, 1], got 1.3", "weights.count_1m: must be finite, got NaN")));
        assertThat(versions.history(10)).hasSize(1);
        assertThat(live.config()).isSameAs(applied);
        assertThat(service.current().version()).isEqualTo(1);
        assertThat(audit.events()).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void viewersAndAnalystsMayReadButNotChangeOrPreview() {
        service.load(Environment.of(Map.of()));
        ConfigDocument proposed = service.current().withHighThreshold(0.7);

        for (Actor actor : List.of(VIEWER, ANALYST)) {
            assertThat(service.current(actor).version()).isEqualTo(1);
            assertThatThrownBy(() -> service.update(actor, proposed, 1, null)).isInstanceOf(Forbidden.class)
                    .hasMessageContaining("may not change config");
            assertThatThrownBy(() -> service.preview(actor, proposed, 10)).isInstanceOf(Forbidden.class)
                    .hasMessageContaining("may not preview config");
        }
        assertThat(versions.history(10)).hasSize(1);
        assertThat(live.config().version()).isEqualTo(1);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void theSecondOfTwoAdminsEditingTheSameVersionGetsAConflict() {
        service.load(Environment.of(Map.of()));
        ConfigDocument base = service.current();

        UpdateOutcome first = service.update(ADMIN, base.withHighThreshold(0.7), base.version(), "alice's");
        UpdateOutcome second = service.update(OTHER_ADMIN, base.withHighThreshold(0.6), base.version(), "bob's");

        assertThat(first).isInstanceOf(UpdateOutcome.Applied.class);
        assertThat(second).isEqualTo(new UpdateOutcome.Conflict(1, 2));
        assertThat(live.config().thresholds().high()).isEqualTo(0.7);
        assertThat(audit.of(AuditAction.CONFIG_CHANGED)).hasSize(1);
    }

    @Test
    void concurrentUpdatesOnTheSameVersionLetExactlyOneWin() throws Exception {
        service.load(Environment.of(Map.of()));
        int admins = 6;
        CyclicBarrier start = new CyclicBarrier(admins);
        ExecutorService pool = Executors.newFixedThreadPool(admins);
        try {
            List<Future<UpdateOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < admins; i++) {
                double high = 0.6 + i * 0.01;
                Callable<UpdateOutcome> update = () -> {
                    start.await();
                    return service.update(ADMIN, service.current().withHighThreshold(high), 1, null);
                };
                futures.add(pool.submit(update));
            }
            List<UpdateOutcome> outcomes = new ArrayList<>();
            for (Future<UpdateOutcome> f : futures) outcomes.add(f.get());

            assertThat(outcomes).filteredOn(UpdateOutcome.Applied.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(UpdateOutcome.Conflict.class::isInstance).hasSize(admins - 1);
            assertThat(versions.history(10)).hasSize(2);
            assertThat(live.config().version()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoServicesOnOneDatabaseCannotBothSaveTheSameVersion() {
        // two server nodes sharing PostgreSQL: the database, not the service's lock, decides
        service.load(Environment.of(Map.of()));
        ConfigService otherNode = new ConfigService(versions, new LiveScoringModel(ScoringConfig.defaults()),
                new InMemoryAssessments(), audit, Clock.systemUTC());
        otherNode.load(Environment.of(Map.of()));

        assertThat(service.update(ADMIN, service.current().withHighThreshold(0.7), 1, null)).isInstanceOf(UpdateOutcome.Applied.class);
        assertThat(otherNode.update(OTHER_ADMIN, otherNode.current().withHighThreshold(0.6), 1, null))
                .isEqualTo(new UpdateOutcome.Conflict(1, 2));
    }
}
