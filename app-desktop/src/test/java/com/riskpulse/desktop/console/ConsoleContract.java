package com.riskpulse.desktop.console;

import com.riskpulse.desktop.ConsoleApp;
import com.riskpulse.desktop.alertqueue.AlertRow;
import com.riskpulse.desktop.audit.AuditViewModel;
import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.Connection;
import com.riskpulse.desktop.start.ConsolePreferences;
import com.riskpulse.desktop.testing.LiveSceneRobot;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The whole console, driven by TestFX as an analyst would, from the start screen on: against the embedded engine
 * ({@link EmbeddedConsoleTest}) and against a real server started in the test ({@link RemoteConsoleTest}). The same
 * steps, the same assertions: the view-models cannot tell the two clients apart.
 */
abstract class ConsoleContract extends LiveSceneRobot {

    static final String ANALYST = "ana", ANALYST_PASSWORD = "analyst-password-123";
    static final String VIEWER = "vera", VIEWER_PASSWORD = "viewer-password-123";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    @TempDir
    Path prefsDir;

    protected TestEngine engine;
    /** The test's own admin session, to set things up and check the engine's state behind the console's back. */
    protected EmbeddedRiskClient checker;
    private ConsoleApp app;

    /** Where the console connects. */
    protected abstract Connection connection();

    /** How the console opens its client for {@link #connection()}. */
    protected abstract ClientFactory clients();

    /** Called after the engine started, before the console. */
    protected void startServing() throws Exception {
    }

    protected void stopServing() {
    }

    @BeforeEach
    void startEngine() throws Exception {
        engine = TestEngine.start(dataDir);
        checker = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
        checker.login(TestEngine.ADMIN, TestEngine.ADMIN_PASSWORD);
        checker.createUser(ANALYST, "ana@example.com", ANALYST_PASSWORD, "analyst");
        checker.createUser(VIEWER, "vera@example.com", VIEWER_PASSWORD, "viewer");
        startServing();
        ConsolePreferences.in(prefsDir).remember(connection());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        stopServing();
        checker.close();
        engine.close();
    }

    /** Starts the real console, connects as remembered and logs in through the start screen. */
    protected ConsoleApp logIn(String username, String password) throws Exception {
        if (app == null) {
            FxToolkit.registerPrimaryStage();
            app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(clients(), ConsolePreferences.in(prefsDir)));
            clickOn("#connectButton");
        }
        await().atMost(WAIT).until(() -> showing("#loginPane"));
        replaceText("#username", username);
        clickOn("#password").write(password);
        clickOn("#loginButton");
        await().atMost(WAIT).until(() -> showing("#logoutButton"));
        return app;
    }

    protected ConsoleApp app() {
        return app;
    }

    protected void logOut() {
        clickOn("#logoutButton");
        await().atMost(WAIT).until(() -> showing("#loginPane"));
    }

    // ---- the end-to-end checks

    @Test
    void afterLogInLivePointsReachTheChartAndRowsReachTheFeed() throws Exception {
        engine.startSimulator(100);
        logIn(TestEngine.ADMIN, TestEngine.ADMIN_PASSWORD);
        assertThat(showing("#dashboard")).as("the dashboard is the first screen").isTrue();
        @SuppressWarnings("unchecked") LineChart<Number, Number> scores = lookup("#scoreChart").queryAs(LineChart.class);
        TableView<?> feed = lookup("#feedTable").queryTableView();
        await().atMost(WAIT).until(() -> onFx(() -> scores.getData().getFirst().getData().size()) >= 4);
        await().atMost(WAIT).until(() -> onFx(() -> feed.getItems().size()) >= 20);
        assertThat(label("#connectionLabel").getText()).isEqualTo("Connected");
        assertThat(label("#userLabel").getText()).contains(TestEngine.ADMIN);

        engine.cardTestingBurst("acct-7731");
        await().atMost(WAIT).until(() -> onFx(() -> app().mainWindow().notificationsShown()).stream()
                .anyMatch(n -> n.startsWith("New ") && n.contains("acct-7731")));
        assertThat(showing("#dashboard")).as("announced while the analyst stays on the dashboard").isTrue();
        afterLiveDashboard();
    }

    /** A subclass's extra look at the running dashboard (the embedded one takes the README's screenshot). */
    protected void afterLiveDashboard() throws Exception {
    }

    @Test
    void anAnalystAcknowledgesThenResolvesAnAlertItLeavesTheOpenQueueAndTheAuditLogRecordsBoth() throws Exception {
        logIn(ANALYST, ANALYST_PASSWORD);
        clickOn("#nav-alerts");
        engine.cardTestingBurst("acct-e2e");
        AlertView alert = await().atMost(WAIT).until(() -> checker.alerts(AlertQuery.all(10)).items().stream()
                .filter(a -> a.entityId().equals("acct-e2e")).findFirst(), Optional::isPresent).orElseThrow();
        await().atMost(WAIT).until(() -> row(alert.id()).isPresent());

        clickOn((Node) lookup("#alertTable .table-cell").match(hasText("acct-e2e")).query());
        type(KeyCode.A);
        await().atMost(WAIT).until(() -> row(alert.id()).map(r -> r.alert().status()).orElse(""), "acknowledged"::equals);
        type(KeyCode.R);
        await().atMost(WAIT).until(() -> showing("#resolvePane"));
        clickOn("#resolutionChoice");
        clickOn("false_positive");
        clickOn("#noteField").write("customer confirmed the payments");
        type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> row(alert.id()).isEmpty());
        assertThat(checker.alert(alert.id()).orElseThrow().alert().status()).isEqualTo("resolved");
        logOut();

        logIn(TestEngine.ADMIN, TestEngine.ADMIN_PASSWORD);
        clickOn("#nav-audit");
        replaceText("#targetField", "alert:" + alert.id());
        clickOn("#searchButton");
        await().atMost(WAIT).untilAsserted(() -> assertThat(onFx(() -> auditTable().getItems().stream()
                .map(e -> e.actor() + " " + e.action()).toList()))
                .contains(ANALYST + " ALERT_ACKNOWLEDGED", ANALYST + " ALERT_RESOLVED"));
    }

    @Test
    void aViewerSeesNoActionButtonsAndNoAdminScreens() throws Exception {
        engine.cardTestingBurst("acct-viewer");
        await().atMost(WAIT).until(() -> !checker.alerts(AlertQuery.all(10)).items().isEmpty());
        logIn(VIEWER, VIEWER_PASSWORD);

        assertThat(lookup("#nav-config").tryQuery()).isEmpty();
        assertThat(lookup("#nav-audit").tryQuery()).isEmpty();
        assertThat(lookup("#nav-users").tryQuery()).isEmpty();
        assertThat(showing("#nav-alerts")).isTrue();
        assertThat(showing("#nav-explorer")).isTrue();

        clickOn("#nav-alerts");
        await().atMost(WAIT).until(() -> onFx(() -> !alertTable().getItems().isEmpty()));
        for (String action : List.of("#acknowledgeButton", "#resolveButton", "#assignButton")) {
            Node node = lookup(action).query();
            assertThat(node.isVisible() || node.isManaged()).as(action).isFalse();
        }
        clickOn((Node) lookup("#alertTable .table-cell").match(hasText("acct-viewer")).query());
        type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(checker.alerts(AlertQuery.all(10)).items()).allSatisfy(a -> assertThat(a.status()).isEqualTo("open"));
    }

    @Test
    void anAdminChangesAThresholdAndTheNextAssessmentsUseIt() throws Exception {
        logIn(TestEngine.ADMIN, TestEngine.ADMIN_PASSWORD);
        clickOn("#nav-config");
        await().atMost(WAIT).until(() -> label("#versionLabel").getText().startsWith("Version 1"));
        replaceText("#highField", "0.7");
        await().atMost(WAIT).until(() -> !lookup("#saveButton").query().isDisabled());
        clickOn("#commentField").write("earlier alerts while card testing is up");
        clickOn("#saveButton");
        await().atMost(WAIT).until(() -> label("#versionLabel").getText().startsWith("Version 2"));

        assertThat(checker.config().thresholds().high()).isEqualTo(0.7);
        engine.ordinaryTraffic(20);
        await().atMost(WAIT).untilAsserted(() -> assertThat(checker.latest(20))
                .hasSize(20).allSatisfy(r -> assertThat(r.configVersion()).isEqualTo(2)));
    }

    @Test
    void aSessionOfADisabledAccountEndsAndTheConsoleAsksToLogInAgain() throws Exception {
        logIn(ANALYST, ANALYST_PASSWORD);
        clickOn("#nav-alerts");
        long analystId = checker.users().stream().filter(u -> u.username().equals(ANALYST)).findFirst().orElseThrow().id();
        checker.disableUser(analystId);

        // the next call is refused (at once by the server; within seconds in process, where the account is re-read)
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (showing("#refreshButton")) clickOn("#refreshButton");
            return showing("#loginPane");
        });
        assertThat(label("#startError").getText()).startsWith("Your session has ended").endsWith("Log in again.");
        assertThat(lookup("#errorDialog").tryQuery()).as("no error dialog on top").isEmpty();
    }

    // ---- helpers

    protected boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    protected void replaceText(String query, String text) {
        TextField field = lookup(query).queryAs(TextField.class);
        clickOn(query);
        interact(field::selectAll);
        write(text);
    }

    protected Label label(String query) {
        return lookup(query).queryAs(Label.class);
    }

    private TableView<AlertRow> alertTable() {
        return lookup("#alertTable").queryTableView();
    }

    private TableView<AuditViewModel.Row> auditTable() {
        return lookup("#entriesTable").queryTableView();
    }

    private Optional<AlertRow> row(long alertId) throws Exception {
        return onFx(() -> alertTable().getItems().stream().filter(r -> r.id() == alertId).findFirst());
    }

    protected static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
