package com.riskpulse.desktop.remote;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.engine.config.ConfigDocument;
import com.riskpulse.engine.config.ConfigPreview;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.testing.Fixtures;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * What any {@link RiskClient} must do, whether the engine is in-process or behind the server: run once per
 * implementation over a fresh engine on its own in-memory H2 database. Subclasses open the client (and the server).
 */
abstract class RiskClientContract {

    static final String ADMIN_PASSWORD = "admin-password-123";
    static final String SECRET_KEY = "test-secret-key-that-is-long-enough-for-hs256-0123456789abcdef";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;
    RiskEngine engine;
    RiskClient client;
    private final List<RiskClient> others = new ArrayList<>();

    protected abstract RiskEngine.Mode mode();

    /** A new client over {@link #engine}, not logged in. */
    protected abstract RiskClient openClient();

    /** After the engine started, before the first client opens (the server starts here). */
    protected void engineStarted() {
    }

    /** Before the engine closes (the server stops here). */
    protected void engineStopping() {
    }

    /** The engine's clock: the system's, unless a subclass moves time on. */
    protected Clock engineClock() {
        return Clock.systemUTC();
    }

    @BeforeEach
    void startEngine() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:h2:mem:rp_client_" + UUID.randomUUID().toString().replace("-", ""));
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("SECRET_KEY", SECRET_KEY);
        engine = RiskEngine.start(Environment.of(env), mode(), engineClock());
        engineStarted();
        client = openClient();
    }

    @AfterEach
    void stopEngine() {
        others.forEach(RiskClient::close);
        if (client != null) client.close();
        engineStopping();
        if (engine != null) engine.close();
    }

    // ---- helpers

    RiskClient another() {
        RiskClient c = openClient();
        others.add(c);
        return c;
    }

    /** Logs in as the admin, creating the first admin first where the console does that (embedded). */
    UserView loginAsAdmin(RiskClient c) {
        if (c.needsFirstAdmin()) c.createFirstAdmin(ADMIN_PASSWORD);
        return c.login("admin", ADMIN_PASSWORD);
    }

    /** A client logged in as a new user with this role (created by the admin). */
    RiskClient loggedInAs(String role) {
        RiskClient admin = another();
        loginAsAdmin(admin);
        admin.createUser(role + "1", role + "1@example.com", "password-for-" + role, role);
        RiskClient c = another();
        c.login(role + "1", "password-for-" + role);
        return c;
    }

    /** Submits events straight into the engine's pipeline, as a source would. */
    void ingest(List<RiskEvent> events) {
        try {
            for (RiskEvent e : events) engine.pipeline().submit(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<RiskEvent> payments(String entity, int count) {
        Instant t = Instant.now();
        List<RiskEvent> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(Fixtures.event(entity, t.plusMillis(i)));
        return out;
    }

    /** Card testing: a dozen tiny card-not-present payments at one merchant within half a minute, a high risk. */
    static List<RiskEvent> cardTestingBurst(String entity) {
        Instant t = Instant.now();
        List<RiskEvent> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(RiskEvent.builder(Fixtures.nextEventId(), entity, t.plusSeconds(3L * i), EventType.PAYMENT)
                    .amount(1 + i % 3).currency("EUR").channel(Channel.CARD_NOT_PRESENT).merchant("m-x", "5999").build());
        }
        return out;
    }

    static RiskClientException refused(ThrowingCallable call, int status, String code) {
        RiskClientException e = catchThrowableOfType(RiskClientException.class, call);
        assertThat(e).as("expected a RiskClientException %d %s", status, code).isNotNull();
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).isNotBlank();
        return e;
    }

    // ---- session

    @Test
    void loginAnswersTheUserAndAWrongPasswordIsRefusedWith401() {
        UserView admin = loginAsAdmin(client);
        assertThat(admin.username()).isEqualTo("admin");
        assertThat(admin.role()).isEqualToIgnoringCase("admin");
        assertThat(client.currentUser()).contains(admin);
        assertThat(client.may(Permission.MANAGE_USERS)).isTrue();

        RiskClient other = another();
        refused(() -> other.login("admin", "not-the-password"), 401, "unauthorized");
        assertThat(other.currentUser()).isEmpty();
        refused(() -> other.login(" ", "x"), 400, "bad_request");

        client.logout();
        assertThat(client.currentUser()).isEmpty();
        refused(() -> client.latest(10), 401, "unauthorized");
    }

    @Test
    void everyCallBeforeLoginIsRefusedWith401ButHealthAnswers() {
        loginAsAdmin(another()); // the admin exists: only the session is missing
        refused(() -> client.latest(10), 401, "unauthorized");
        refused(() -> client.history(HistoryQuery.all(10)), 401, "unauthorized");
        refused(() -> client.alerts(AlertQuery.all(10)), 401, "unauthorized");
        refused(() -> client.config(), 401, "unauthorized");
        refused(() -> client.audit(AuditQuery.all(10)), 401, "unauthorized");
        refused(() -> client.users(), 401, "unauthorized");
        refused(() -> client.subscribe(new LiveRecorder()), 401, "unauthorized");
        assertThat(client.health().database()).isTrue();
    }

    // ---- live, risks, explain

    @Test
    void ingestedEventsArriveLiveAndAreFoundByLatestHistoryIdAndStats() throws Exception {
        loginAsAdmin(client);
        LiveRecorder live = new LiveRecorder();
        try (AutoCloseable subscription = client.subscribe(live)) {
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);

            List<RiskEvent> mine = payments("acct-live", 5);
            ingest(mine);
            ingest(payments("acct-other", 2));
            // every assessment is pushed, the clear ones under the live-feed floor too
            await().atMost(WAIT).until(() -> mine.stream().allMatch(e -> live.saw(e.eventId())) && live.assessments.size() == 7);
            double floor = client.config().thresholds().low();
            assertThat(live.assessments).as("assessments under the live-feed floor %s are pushed too", floor)
                    .anyMatch(a -> a.score() < floor);
            await().atMost(WAIT).until(() -> client.latest(50).size() == 7);
            await().atMost(WAIT).until(() -> !live.stats.isEmpty());

            Set<Long> paged = new HashSet<>();
            HistoryQuery query = new HistoryQuery("acct-live", Set.of(), null, null, null, null, null, 2);
            PageView<RiskView> page = client.history(query);
            int pages = 1;
            page.items().forEach(r -> paged.add(r.riskId()));
            while (page.nextCursor() != null) {
                assertThat(page.items()).hasSize(2).allMatch(r -> r.entityId().equals("acct-live"));
                page = client.history(query.after(page.nextCursor()));
                page.items().forEach(r -> paged.add(r.riskId()));
                pages++;
            }
            assertThat(paged).hasSize(5);
            assertThat(pages).isGreaterThanOrEqualTo(3);

            long riskId = live.assessments.stream().filter(a -> a.eventId().equals(mine.getFirst().eventId())).findFirst()
                    .orElseThrow().riskId();
            assertThat(client.risk(riskId)).hasValueSatisfying(r -> assertThat(r.eventId()).isEqualTo(mine.getFirst().eventId()));
            assertThat(client.risk(123_456_789L)).isEmpty();
            assertThat(client.riskStats(Duration.ofHours(1)).total()).isEqualTo(7);
            refused(() -> client.riskStats(Duration.ZERO), 400, "bad_request");
            refused(() -> client.latest(0), 400, "bad_request");
        }
        await().atMost(WAIT).until(() -> live.last == ConnectionState.DISCONNECTED);
    }

    @Test
    void anExplanationCitesPolicyPassagesAndAMissingRiskIs404() {
        loginAsAdmin(client);
        List<RiskEvent> one = payments("acct-explain", 1);
        ingest(one);
        await().atMost(WAIT).until(() -> !client.latest(1).isEmpty());
        long riskId = client.latest(1).getFirst().riskId();

        ExplanationView explanation = client.explain(riskId);
        assertThat(explanation.riskId()).isEqualTo(riskId);
        assertThat(explanation.entityId()).isEqualTo("acct-explain");
        assertThat(explanation.citations()).isNotEmpty();
        assertThat(explanation.summary()).isNotBlank();
        refused(() -> client.explain(123_456_789L), 404, "not_found");
    }

    // ---- alerts

    @Test
    void aHighRiskAlertIsRaisedAcknowledgedAndResolvedWithEveryChangeHeardLiveAndAudited() throws Exception {
        loginAsAdmin(client);
        LiveRecorder live = new LiveRecorder();
        try (AutoCloseable subscription = client.subscribe(live)) {
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            ingest(cardTestingBurst("acct-ct"));
            await().atMost(WAIT).until(() -> live.sawAlert("raised", "acct-ct"));

            List<AlertView> open = client.alerts(AlertQuery.all(50).forEntity("acct-ct")).items();
            assertThat(open).hasSize(1);
            AlertView raised = open.getFirst();
            assertThat(raised.severity()).isIn("high", "critical", "HIGH", "CRITICAL");
            assertThat(client.alert(raised.id())).hasValueSatisfying(d -> assertThat(d.events()).isNotEmpty());
            assertThat(client.alert(123_456_789L)).isEmpty();

            AlertView acked = client.acknowledge(raised.id());
            assertThat(acked.status()).isEqualToIgnoringCase("acknowledged");
            assertThat(acked.acknowledgedBy()).isEqualTo("admin");
            refused(() -> client.acknowledge(raised.id()), 409, "conflict");
            refused(() -> client.acknowledge(123_456_789L), 404, "not_found");

            AlertView resolved = client.resolve(raised.id(), "confirmed_fraud", "card testing");
            assertThat(resolved.status()).isEqualToIgnoringCase("resolved");
            refused(() -> client.resolve(raised.id(), "nonsense", null), 400, "bad_request");
            await().atMost(WAIT).until(() -> live.sawAlert("acknowledged", "acct-ct") && live.sawAlert("resolved", "acct-ct"));
            assertThat(client.alertStats(Duration.ofHours(24)).byStatus()).isNotEmpty();

            List<AuditEntryView> actions = client.audit(AuditQuery.all(100)
                    .withActions(AuditAction.ALERT_ACKNOWLEDGED, AuditAction.ALERT_RESOLVED)).items();
            assertThat(actions).hasSize(2).allMatch(a -> a.actor().equals("admin"));
            assertThat(client.verifyAudit().intact()).isTrue();
            assertThat(client.verifyAudit().describe()).contains("intact");
        }
    }

    // ---- roles

    @Test
    void aViewerReadsButMayNotWorkAlertsChangeConfigurationReadTheAuditOrManageUsers() {
        RiskClient viewer = loggedInAs("viewer");
        assertThat(viewer.may(Permission.READ_RISKS)).isTrue();
        assertThat(viewer.may(Permission.WORK_ALERTS)).isFalse();
        assertThat(viewer.latest(10)).isEmpty();
        ConfigDocument config = viewer.config();

        refused(() -> viewer.acknowledge(1), 403, "forbidden");
        refused(() -> viewer.resolve(1, "benign", null), 403, "forbidden");
        refused(() -> viewer.saveConfig(config), 403, "forbidden");
        refused(() -> viewer.previewConfig(config, 10), 403, "forbidden");
        refused(() -> viewer.audit(AuditQuery.all(10)), 403, "forbidden");
        refused(() -> viewer.verifyAudit(), 403, "forbidden");
        refused(() -> viewer.users(), 403, "forbidden");
        refused(() -> viewer.createUser("mallory", "mallory@example.com", "password-for-mallory", "admin"), 403, "forbidden");
        refused(() -> viewer.explain(1), 403, "forbidden");
    }

    // ---- configuration

    @Test
    void theConfigurationIsPreviewedSavedAsTheNextVersionAndGuardedAgainstInvalidAndStaleEdits() {
        loginAsAdmin(client);
        ingest(payments("acct-cfg", 3));
        await().atMost(WAIT).until(() -> client.latest(10).size() == 3);

        ConfigDocument current = client.config();
        var t = current.thresholds();
        ConfigDocument edit = current.withHighThreshold((t.high() + t.critical()) / 2);

        ConfigPreview preview = client.previewConfig(edit, 100);
        assertThat(preview.sampled()).isEqualTo(3);
        assertThat(client.config().version()).isEqualTo(current.version());

        ConfigDocument saved = client.saveConfig(edit);
        assertThat(saved.version()).isEqualTo(current.version() + 1);
        assertThat(saved.thresholds().high()).isEqualTo(edit.thresholds().high());
        assertThat(saved.createdBy()).isEqualTo("admin");
        assertThat(client.config().version()).isEqualTo(saved.version());

        ConfigDocument invalid = saved.withThresholds(new ConfigDocument.ThresholdValues(0.9, 0.5, 0.3, 0.1));
        RiskClientException bad = refused(() -> client.saveConfig(invalid), 400, "invalid");
        assertThat(bad.problems()).isNotEmpty();
        refused(() -> client.previewConfig(invalid, 10), 400, "invalid");

        RiskClientException stale = refused(() -> client.saveConfig(edit), 409, "conflict"); // built on the old version
        assertThat(stale.getMessage()).contains(String.valueOf(saved.version()));

        List<ConfigDocument> history = client.configHistory(10);
        assertThat(history).extracting(ConfigDocument::version).startsWith(saved.version(), current.version());
    }

    // ---- users, health

    @Test
    void anAdminCreatesAUserChangesTheRoleAndDisablesTheAccount() {
        loginAsAdmin(client);
        UserView casey = client.createUser("casey", "casey@example.com", "password-for-casey", "analyst");
        assertThat(casey.role()).isEqualToIgnoringCase("analyst");
        assertThat(casey.enabled()).isTrue();
        refused(() -> client.createUser("casey", "casey2@example.com", "password-for-casey", "analyst"), 409, "conflict");
        RiskClientException weak = refused(() -> client.createUser("dana", "dana@example.com", "x", "analyst"), 400, "bad_request");
        assertThat(weak.error().field()).isEqualTo("password");

        assertThat(client.changeRole(casey.id(), "viewer").role()).isEqualToIgnoringCase("viewer");
        assertThat(client.disableUser(casey.id()).enabled()).isFalse();
        assertThat(client.users()).anySatisfy(u -> {
            assertThat(u.username()).isEqualTo("casey");
            assertThat(u.enabled()).isFalse();
        });
        refused(() -> another().login("casey", "password-for-casey"), 401, "unauthorized");
        assertThat(client.enableUser(casey.id()).enabled()).isTrue();
        refused(() -> client.changeRole(123_456_789L, "viewer"), 404, "not_found");
    }

    @Test
    void healthSaysTheDatabaseAnswersAndThePipelineRuns() {
        HealthView health = client.health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.database()).isTrue();
        assertThat(health.pipelineRunning()).isTrue();
    }
}
