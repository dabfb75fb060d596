package com.riskpulse.desktop.explorer;

import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The risk explorer in a real window over the embedded engine. */
class RiskExplorerViewTest {

    @TempDir
    Path data;
    TestEngine engine;
    ScreenHarness harness;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start(data);
        RiskClient client = engine.admin();
        engine.ordinaryTraffic(230);
        engine.cardTestingBurst("acct-burst");
        await().atMost(Duration.ofSeconds(30)).until(() -> client.latest(1_000).size() >= 270);
        harness = new ScreenHarness(client);
        harness.show(RiskExplorerView::new, 1280, 800);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        engine.close();
    }

    @Test
    void searchingPagingAndOpeningARowWorkInTheRealWindow() {
        TableView<RiskExplorerViewModel.Row> table = robot.lookup("#resultsTable").queryTableView();
        await().until(() -> table.getItems().size() == 100);
        assertThat(robot.lookup("#fromTime").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#toTime").query().isDisabled()).isTrue();
        robot.clickOn("#levelHigh").clickOn("#levelCritical").clickOn("#levelLow").clickOn("#levelMedium");
        robot.clickOn("#searchButton");
        await().until(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().contains("on page 1"));
        Set<Long> first = ids(table);

        robot.clickOn("#nextButton");
        await().until(() -> robot.lookup("#pageLabel").queryAs(Label.class).getText().equals("Page 2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ids(table)).hasSize(100).doesNotContainAnyElementsOf(first);
        assertThat(robot.lookup("#previousButton").query().isDisabled()).isFalse();
        Screenshots.save(harness.stage().getScene(), "risk-explorer");

        robot.clickOn("#minScoreField").write("0.9");
        robot.clickOn("#maxScoreField").write("0.1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#maxScoreError").queryAs(Label.class).getText()).contains("at least min");
        assertThat(robot.lookup("#searchButton").query().isDisabled()).isTrue();
        robot.doubleClickOn("#maxScoreField").eraseText(3);
        robot.doubleClickOn("#minScoreField").eraseText(3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#searchButton").query().isDisabled()).isFalse();

        TableRow<?> row = robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == 0 && !r.isEmpty() && r.isVisible()).findFirst().orElseThrow();
        robot.doubleClickOn(row);
        await().until(() -> !harness.navigator().assessments.isEmpty());
        assertThat(harness.navigator().assessments).containsExactly(((RiskExplorerViewModel.Row) row.getItem()).riskId());
        assertThat(harness.navigator().errors).isEmpty();

        robot.clickOn("#previousButton");
        await().until(() -> robot.lookup("#pageLabel").queryAs(Label.class).getText().equals("Page 1"));
        robot.clickOn("#levelLow").clickOn("#levelMedium").clickOn("#searchButton");
        await().until(() -> !table.getItems().isEmpty() && table.getItems().stream().allMatch(r -> r.level().equals("high") || r.level().equals("critical")));
        robot.clickOn("#levelHigh").clickOn("#levelCritical");

        LocalDate today = LocalDate.now(Clock.systemUTC());
        robot.interact(() -> {
            robot.lookup("#periodBox").<ComboBox<RiskExplorerViewModel.Period>>query().setValue(RiskExplorerViewModel.Period.DATES);
            robot.lookup("#fromDate").<DatePicker>query().setValue(today.minusDays(1));
            robot.lookup("#toDate").<DatePicker>query().setValue(today.plusDays(1));
        });
        robot.clickOn("#toTime").write("25:00");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dateError").queryAs(Label.class).getText()).isEqualTo("'to' time: '25:00' is not a time of day (HH:mm).");
        assertThat(robot.lookup("#searchButton").query().isDisabled()).isTrue();
        robot.push(KeyCode.END).eraseText(5).write("23:59");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dateError").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#searchButton");
        await().until(() -> robot.lookup("#statusLabel").queryAs(Label.class).getText().equals("100 assessments on page 1, more after."));
        assertThat(harness.navigator().errors).isEmpty();
    }

    private static Set<Long> ids(TableView<RiskExplorerViewModel.Row> table) {
        Set<Long> ids = new HashSet<>();
        table.getItems().forEach(r -> ids.add(r.riskId()));
        return ids;
    }
}
