package com.riskpulse.engine.wiring;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.alert.Alert;
import com.riskpulse.engine.alert.AlertOutcome;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.alert.Resolution;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEntry;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.audit.ChainVerification;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigService;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.user.BootstrapOutcome;
import com.riskpulse.engine.user.LoginOutcome;
import com.riskpulse.engine.user.UserOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The engine as the console and the server use it, wired by {@link RiskEngine}: bootstrap, login,
 * alerts raised by the stream and worked by an analyst, a live configuration change, and an audit trail
 * that records it all and verifies — on each database.
 */
abstract class RiskEngineContract {

    @TempDir
    Path dataDir;
    private RiskEngine engine;
    private String url;
    private int n;

    /** The database URL to run on, prepared by the subclass. */
    protected abstract String databaseUrl();

    protected void releaseDatabase() {
    }

    @BeforeEach
    void start() {
        Map<String, String> env = new HashMap<>();
        url = databaseUrl();
        env.put("DATABASE_URL", url);
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
        releaseDatabase();
    }

    @Test
    void twoEnginesOnOneDatabaseNeverShareANodeId() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", url);
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("NODE_ID", String.valueOf(engine.nodeId()));
        assertThatThrownBy(() -> RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("NODE_ID=" + engine.nodeId() + " is in use by another running RiskPulse on this database (")
                .hasMessageContaining("pid " + ProcessHandle.current().pid());
        env.remove("NODE_ID");
        try (RiskEngine second = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC())) {
            assertThat(second.nodeId()).isNotEqualTo(engine.nodeId());
        }
    }

    @Test
    void anAnalystWorksAnAlertRaisedByTheStreamAndTheTrailRecordsIt() throws Exception {
        assertThat(engine.users().bootstrapAdmin(Optional.of("admin-password-1"))).isInstanceOf(BootstrapOutcome.Created.class);
        assertThat(engine.users().bootstrapAdmin(Optional.empty())).isInstanceOf(BootstrapOutcome.AlreadyInitialised.class);
        // the seed's flow: register an analyst, log in, use the token
        assertThat(engine.users().register("analyst", "analyst@example.com", "securepass123", Role.ANALYST))
                .isInstanceOf(UserOutcome.Created.class);
        Actor analyst = actorOf(engine.users().login("analyst", "securepass123", Origin.API));
        assertThat(analyst.role()).isEqualTo(Role.ANALYST);
        assertThat(engine.users().register("viewer", "viewer@example.com", "securepass123", Role.VIEWER))
                .isInstanceOf(UserOutcome.Created.class);
        Actor viewer = actorOf(engine.users().login("viewer", "securepass123", Origin.API));

        cardTestingBurst("acct-burst");
        Alert alert = await().atMost(Duration.ofSeconds(20)).until(
                () -> engine.alerts().list(analyst, AlertQuery.all(10)).items(), items -> !items.isEmpty()).getFirst();
        assertThat(alert.entityId()).isEqualTo("acct-burst");

        assertThatThrownBy(() -> engine.alerts().acknowledge(viewer, alert.id())).isInstanceOf(Forbidden.class);
        assertThat(engine.alerts().acknowledge(analyst, alert.id())).isInstanceOf(AlertOutcome.Done.class);
        assertThat(engine.alerts().resolve(analyst, alert.id(), Resolution.CONFIRMED_FRAUD, "card testing, card blocked"))
                .isInstanceOf(AlertOutcome.Done.class);
        assertThat(engine.alerts().get(analyst, alert.id())).get()
                .satisfies(d -> assertThat(d.alert().status()).isEqualTo(AlertStatus.RESOLVED));

        Actor admin = actorOf(engine.users().login("admin", "admin-password-1", Origin.CONSOLE));
        List<AuditEntry> trail = engine.audit().query(admin, AuditQuery.all(100)).entries();
        assertThat(trail).extracting(AuditEntry::action).contains(AuditAction.REGISTER, AuditAction.LOGIN,
                AuditAction.ALERT_ACKNOWLEDGED, AuditAction.ALERT_RESOLVED);
        assertThat(engine.audit().verify(admin)).isInstanceOf(ChainVerification.Intact.class);
    }

    @Test
    void anAdminsThresholdChangeScoresTheNextEventsWithTheNewVersion() throws Exception {
        engine.users().bootstrapAdmin(Optional.of("admin-password-1"));
        Actor admin = actorOf(engine.users().login("admin", "admin-password-1", Origin.CONSOLE));
        RiskEvent before = payment("acct-config", 40);
        engine.pipeline().submit(before);
        Assessment scoredBefore = storedAssessment(before);

        ConfigDocument current = engine.config().current(admin);
        ConfigService.UpdateOutcome outcome = engine.config().update(admin, current.withHighThreshold(0.85), current.version(), "stricter HIGH");
        assertThat(outcome).isInstanceOf(ConfigService.UpdateOutcome.Applied.class);
        RiskEvent after = payment("acct-config", 45);
        engine.pipeline().submit(after);

        assertThat(storedAssessment(after).configVersion()).isEqualTo(scoredBefore.configVersion() + 1);
        assertThat(engine.audit().query(admin, new AuditQuery(null, Set.of(AuditAction.CONFIG_CHANGED), null, null, null, null, null, 10))
                .entries()).hasSize(1);
    }

    @Test
    void aViewerCannotChangeTheConfiguration() {
        engine.users().bootstrapAdmin(Optional.of("admin-password-1"));
        engine.users().register("viewer", "viewer@example.com", "securepass123", Role.VIEWER);
        Actor viewer = actorOf(engine.users().login("viewer", "securepass123", Origin.API));
        ConfigDocument current = engine.config().current(viewer);

        assertThatThrownBy(() -> engine.config().update(viewer, current.withHighThreshold(0.7), current.version(), "no"))
                .isInstanceOf(Forbidden.class);
    }

    private Actor actorOf(LoginOutcome login) {
        assertThat(login).isInstanceOf(LoginOutcome.Success.class);
        TokenService.Verification verified = engine.tokens().verify(((LoginOutcome.Success) login).token());
        assertThat(verified).isInstanceOf(TokenService.Valid.class);
        return ((TokenService.Valid) verified).actor();
    }

    private Assessment storedAssessment(RiskEvent event) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> engine.assessments().byEventId(event.eventId()), Optional::isPresent).get();
    }

    private void cardTestingBurst(String entity) throws InterruptedException {
        Instant t = Instant.now().minus(Duration.ofDays(10));
        for (int day = 0; day < 10; day++) { // a habit first, so the burst stands out
            for (int i = 0; i < 3; i++) {
                engine.pipeline().submit(RiskEvent.builder("h-" + (++n), entity, t.plus(Duration.ofDays(day)).plus(Duration.ofHours(3L * i)),
                        EventType.PAYMENT).amount(30 + i).currency("EUR").channel(Channel.CARD_PRESENT).merchant("m-1", "5411")
                        .country("DE").device("d-1").build());
            }
        }
        Instant burst = Instant.now();
        for (int i = 0; i < 10; i++) {
            engine.pipeline().submit(RiskEvent.builder("b-" + (++n), entity, burst.plusSeconds(4L * i), EventType.PAYMENT)
                    .amount(1 + i % 3).currency("EUR").channel(Channel.CARD_NOT_PRESENT).merchant("m-shop", "5999")
                    .country("DE").device("d-1").build());
        }
    }

    private RiskEvent payment(String entity, double amount) {
        return RiskEvent.builder("p-" + (++n), entity, Instant.now().plusSeconds(n), EventType.PAYMENT).amount(amount)
                .currency("EUR").channel(Channel.CARD_PRESENT).merchant("m-1", "5411").country("DE").device("d-1").build();
    }
}
