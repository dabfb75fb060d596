package com.riskpulse.desktop.alertqueue;

import com.riskpulse.desktop.testing.LiveSceneRobot;
import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

class AlertQueueViewTest extends LiveSceneRobot {

    private static final String ENTITY = "acct-burst";

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient admin;
    private ScreenHarness harness;

    @BeforeEach
    void startEngine() {
        engine = TestEngine.start(dataDir);
        admin = engine.admin();
    }

    @AfterEach
    void stop() throws Exception {
        if (harness != null) harness.close();
        engine.close();
    }

    private AlertView raiseAlert(String entity) {
        engine.cardTestingBurst(entity);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> admin.alerts(AlertQuery.all(50).forEntity(entity)).items(), items -> !items.isEmpty()).getFirst();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private Optional<AlertRow> row(long alertId) throws Exception {
        TableView<AlertRow> table = lookup("#alertTable").queryTableView();
        return onFx(() -> table.getItems().stream().filter(r -> r.id() == alertId).findFirst());
    }

    private String selectedEntity() throws Exception {
        TableView<AlertRow> table = lookup("#alertTable").queryTableView();
        return onFx(() -> table.getSelectionModel().getSelectedItem() == null ? "" : table.getSelectionModel().getSelectedItem().alert().entityId());
    }

    private void selectRowOf(String entity) {
        clickOn((Node) lookup("#alertTable .table-cell").match(hasText(entity)).query());
    }

    @Test
    void aLiveAlertAppearsInTheQueueWithItsEvents() throws Exception {
        harness = new ScreenHarness(admin);
        harness.show(AlertQueueView::new, 1280, 800);

        AlertView second = raiseAlert("acct-7731");
        AlertView alert = raiseAlert(ENTITY);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(alert.id()).isPresent() && row(second.id()).isPresent());
        assertThat(harness.navigator().notifications).anySatisfy(n -> assertThat(n).contains("alert for " + ENTITY));

        selectRowOf(ENTITY);
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> !lookup("#eventsTable").queryTableView().getItems().isEmpty()));
        assertThat(lookup("#detailTitle").queryLabeled().getText()).contains(ENTITY);
        assertThat(harness.navigator().errors).isEmpty();

        type(KeyCode.J);
        await().atMost(Duration.ofSeconds(5)).until(() -> selectedEntity(), "acct-7731"::equals);
        type(KeyCode.K);
        await().atMost(Duration.ofSeconds(5)).until(() -> selectedEntity(), ENTITY::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> lookup("#detailTitle").queryLabeled().getText().contains(ENTITY));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(harness.stage().getScene(), "alert-queue");
    }

    @Test
    void keyboardTriageAcknowledgesThenResolvesAndTheAlertLeavesTheOpenQueue() throws Exception {
        AlertView alert = raiseAlert(ENTITY);
        harness = new ScreenHarness(admin);
        harness.show(AlertQueueView::new, 1280, 800);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(alert.id()).isPresent());

        selectRowOf(ENTITY);
        type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(5)).until(() -> !harness.navigator().assessments.isEmpty());
        type(KeyCode.A);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(alert.id()).map(r -> r.alert().status()).orElse(""), "acknowledged"::equals);

        type(KeyCode.R);
        await().atMost(Duration.ofSeconds(5)).until(() -> lookup("#resolvePane").query().isVisible());
        clickOn("#resolutionChoice");
        clickOn("confirmed_fraud");
        clickOn("#noteField").write("card testing burst, card blocked");
        type(KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(10)).until(() -> row(alert.id()).isEmpty());
        assertThat(lookup("#resolvePane").query().isVisible()).isFalse();
        AlertView resolved = admin.alert(alert.id()).orElseThrow().alert();
        assertThat(resolved.status()).isEqualTo("resolved");
        assertThat(resolved.resolution()).isEqualTo("confirmed_fraud");
        assertThat(resolved.note()).isEqualTo("card testing burst, card blocked");
        List<AuditEntryView> audit = admin.audit(AuditQuery.all(20).withTarget("alert:" + alert.id())).items();
        assertThat(audit).extracting(AuditEntryView::action)
                .contains(AuditAction.ALERT_ACKNOWLEDGED.name(), AuditAction.ALERT_RESOLVED.name());
        assertThat(harness.navigator().errors).isEmpty();
    }

    @Test
    void aViewerSeesNoActionButtonsAndTheTriageKeysDoNothing() throws Exception {
        AlertView alert = raiseAlert(ENTITY);
        admin.createUser("vera", "vera@example.com", "viewer-password-123", "viewer");
        EmbeddedRiskClient viewer = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
        viewer.login("vera", "viewer-password-123");
        harness = new ScreenHarness(viewer);
        harness.show(AlertQueueView::new, 1280, 800);
        await().atMost(Duration.ofSeconds(10)).until(() -> row(alert.id()).isPresent());

        for (String action : List.of("#acknowledgeButton", "#resolveButton", "#assignButton", "#actionBar")) {
            Node node = lookup(action).query();
            assertThat(node.isVisible() || node.isManaged()).as(action).isFalse();
        }

        selectRowOf(ENTITY);
        type(KeyCode.A);
        type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#resolvePane").query().isVisible()).isFalse();
        assertThat(admin.alert(alert.id()).orElseThrow().alert().status()).isEqualTo("open");
        assertThat(harness.navigator().errors).isEmpty();
    }
}
