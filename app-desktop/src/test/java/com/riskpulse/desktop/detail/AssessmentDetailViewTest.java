package com.riskpulse.desktop.detail;

import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.ScatterChart;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AssessmentDetailViewTest extends FxRobot {

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

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    @Test
    void theBurstsHighestAssessmentShowsItsExplanationContributionsAndHistory() throws Exception {
        engine.cardTestingBurst(ENTITY);
        List<RiskView> all = await().atMost(Duration.ofSeconds(20)).until(
                () -> admin.history(new HistoryQuery(ENTITY, Set.of(), null, null, null, null, null, 100)).items(), items -> items.size() == 40);
        RiskView highest = all.stream().max(Comparator.comparingDouble(RiskView::score)).orElseThrow();
        harness = new ScreenHarness(admin);
        AssessmentDetailView view = harness.show(AssessmentDetailView::new, 1280, 800);

        interact(() -> view.show(highest.riskId()));

        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> !lookup("#summaryLabel").queryLabeled().getText().isBlank()
                && lookup("#explanationBox").query().isVisible()));
        await().atMost(Duration.ofSeconds(10)).until(() -> onFx(() -> lookup("#historyList").queryListView().getItems().size() == 40));
        assertThat(lookup("#titleLabel").queryLabeled().getText()).contains(String.valueOf(highest.riskId()));
        assertThat(lookup("#levelLabel").queryLabeled().getText()).isIn("HIGH", "CRITICAL");
        assertThat(lookup("#counterfactualLabel").queryLabeled().getText()).isNotBlank();
        assertThat(onFx(() -> ((VBox) lookup("#featureBox").query()).getChildren().size())).isPositive();
        BarChart<?, ?> contributions = lookup("#contributionChart").query();
        assertThat(onFx(() -> contributions.getData().getFirst().getData().size())).isPositive();
        ScatterChart<?, ?> history = lookup("#historyChart").query();
        assertThat(onFx(() -> history.getData().get(1).getData().size())).as("the current assessment is highlighted").isEqualTo(1);
        assertThat(lookup("#explainIndicator").query().isVisible()).isFalse();
        assertThat(harness.navigator().errors).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(harness.stage().getScene(), "assessment-detail");

        clickOn((Node) lookup("#historyList .list-cell").nth(0).query());
        RiskView oldest = onFx(() -> view.viewModel().history().getFirst());
        await().atMost(Duration.ofSeconds(20)).until(() -> onFx(() -> lookup("#titleLabel").queryLabeled().getText().contains("Assessment " + oldest.riskId() + " ")));
    }
}
