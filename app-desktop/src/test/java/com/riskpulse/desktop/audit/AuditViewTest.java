package com.riskpulse.desktop.audit;

import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit screen in a real window over the embedded engine. */
class AuditViewTest {

    @TempDir
    Path data;
    TestEngine engine;
    RiskClient client;
    ScreenHarness harness;
    EmbeddedRiskClient viewer;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() {
        engine = TestEngine.start(data);
        client = engine.admin();
        UserView dana = client.createUser("dana", "dana@example.com", "dana-password-1", "viewer");
        client.changeRole(dana.id(), "analyst");
        client.createUser("vic", "vic@example.com", "vic-password-12", "viewer");
    }

    @AfterEach
    void stop() throws Exception {
        if (harness != null) harness.close();
        if (viewer != null) viewer.close();
        engine.close();
    }

    @Test
    void verifyingTheChainShowsTheGreenIntactBanner() throws Exception {
        harness = new ScreenHarness(client);
        harness.show(AuditView::new, 1280, 800);
        TableView<?> table = robot.lookup("#entriesTable").queryTableView();
        await().until(() -> table.getItems().size() >= 5);

        robot.clickOn("#verifyButton");
        Label banner = robot.lookup("#verifyBanner").queryAs(Label.class);
        await().until(() -> banner.getText().startsWith("Audit chain intact:"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.getStyleClass()).contains("intact");
        assertThat(robot.lookup("#adminsOnly").query().isVisible()).isFalse();

        robot.clickOn("#searchButton");
        await().until(() -> table.getItems().size() >= 6
                && ((AuditViewModel.Row) table.getItems().getFirst()).action().equals("AUDIT_VERIFIED"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(harness.navigator().errors).isEmpty();
        Screenshots.save(harness.stage().getScene(), "audit");
    }

    @Test
    void aBadTimeOfDayBlocksTheSearchUntilFixedAndTheWindowNarrowsTheTrail() throws Exception {
        harness = new ScreenHarness(client);
        harness.show(AuditView::new, 1280, 800);
        TableView<?> table = robot.lookup("#entriesTable").queryTableView();
        await().until(() -> table.getItems().size() >= 4);
        AuditEntryView oldest = client.audit(AuditQuery.all(100)).items().getLast();
        LocalDate dayBefore = oldest.at().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        robot.interact(() -> {
            robot.lookup("#fromDate").<DatePicker>query().setValue(dayBefore);
            robot.lookup("#toDate").<DatePicker>query().setValue(dayBefore);
        });

        robot.clickOn("#toTime").write("25:00");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dateError").queryAs(Label.class).getText()).isEqualTo("'to' time: '25:00' is not a time of day (HH:mm).");
        assertThat(robot.lookup("#searchButton").query().isDisabled()).isTrue();
        robot.push(KeyCode.END).eraseText(5).write("23:59");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dateError").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#searchButton").query().isDisabled()).isFalse();

        robot.clickOn("#searchButton");
        await().until(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().equals("No entries match."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).isEmpty();
        assertThat(harness.navigator().errors).isEmpty();
    }

    @Test
    void aViewerSeesAdminsOnly() throws Exception {
        viewer = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
        viewer.login("vic", "vic-password-12");
        harness = new ScreenHarness(viewer);
        harness.show(AuditView::new, 1280, 800);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#adminsOnly").query().isVisible()).isTrue();
        assertThat(robot.lookup("#content").query().isVisible()).isFalse();
        assertThat(harness.navigator().errors).isEmpty();
    }
}
