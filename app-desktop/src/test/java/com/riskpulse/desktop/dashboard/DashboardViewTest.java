package com.riskpulse.desktop.dashboard;

import com.riskpulse.desktop.testing.LiveSceneRobot;
import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.shape.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard in a real (headless) window over the embedded engine, with the simulator running. */
class DashboardViewTest {

    @TempDir
    java.nio.file.Path dataDir;

    private TestEngine engine;
    private ScreenHarness harness;
    private final FxRobot robot = new LiveSceneRobot();

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start(dataDir);
        harness = new ScreenHarness(engine.admin());
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        engine.close();
    }

    @Test
    void liveAssessmentsReachTheChartsAndTheFeedAndADoubleClickOpensOne() throws Exception {
        harness.show(DashboardView::new, 1280, 800);
        engine.startSimulator(200);
        engine.cardTestingBurst("acct-card-testing");

        @SuppressWarnings("unchecked") LineChart<Number, Number> scoreChart = robot.lookup("#scoreChart").queryAs(LineChart.class);
        TableView<FeedRow> feed = robot.lookup("#feedTable").queryTableView();
        Label openAlerts = robot.lookup("#openAlertsValue").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // several 250 ms buckets drawn as one line, the feed full, the burst's alert counted
            assertThat(fx(() -> scoreChart.getData().getFirst().getData().size())).isGreaterThan(8);
            assertThat(fx(() -> ((Path) scoreChart.lookup(".chart-series-line")).getElements().size())).isGreaterThan(8);
            assertThat(fx(() -> feed.getItems().size())).isEqualTo(DashboardViewModel.FEED_CAPACITY);
            assertThat(fx(openAlerts::getText)).isEqualTo("1");
            assertThat(fx(() -> robot.lookup("#rateValue").queryAs(Label.class).getText())).isNotEqualTo("–");
        });
        assertThat(fx(() -> scoreChart.getData().getFirst().getData().size())).isLessThanOrEqualTo(DashboardViewModel.BUCKETS + 1);
        // for the screenshot: a quarter of the two minutes filled, and the day's figures refreshed from storage once
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> scoreChart.getData().getFirst().getData().size()) >= 120
                && fx(() -> robot.lookup("#eventsTodayDetail").queryAs(Label.class).getText()).contains("mean score"));
        assertThat(fx(() -> scoreChart.getData().getFirst().getData().size())).isLessThanOrEqualTo(DashboardViewModel.BUCKETS + 1);
        Screenshots.save(harness.stage().getScene(), "dashboard");

        // the feed holds still while paused, so the row under the mouse is the one opened
        robot.clickOn("#pauseFeed");
        assertThat(fx(() -> robot.lookup("#pauseFeed").queryAs(ToggleButton.class).isSelected())).isTrue();
        List<Long> paused = fx(() -> feed.getItems().stream().map(FeedRow::riskId).toList());
        Node row = fx(() -> robot.lookup("#feedTable .table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((TableRow<?>) n).getIndex() == 2 && !((TableRow<?>) n).isEmpty()).findFirst().orElseThrow());
        robot.doubleClickOn(row);

        await().atMost(Duration.ofSeconds(5)).until(() -> !harness.navigator().assessments.isEmpty());
        assertThat(harness.navigator().assessments).containsExactly(paused.get(2));
        assertThat(fx(() -> feed.getItems().stream().map(FeedRow::riskId).toList())).isEqualTo(paused);
        assertThat(harness.navigator().errors).isEmpty();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
