package com.riskpulse.desktop.detail;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.ContributionView;
import com.riskpulse.engine.api.ExplanationView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AssessmentDetailViewModelTest {

    private static final String ENTITY = "acct-burst";

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient admin;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void startEngine() {
        engine = TestEngine.start(dataDir);
        admin = engine.admin();
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    private AssessmentDetailViewModel detailFor(RiskClient client) {
        return new AssessmentDetailViewModel(new ScreenContext(client, Background.direct(), new LiveFeed(client), navigator, Clock.systemUTC()));
    }

    /** Feeds the burst and answers its highest-scoring assessment once all 40 events are stored. */
    private RiskView burstsHighest() {
        engine.cardTestingBurst(ENTITY);
        List<RiskView> all = await().atMost(Duration.ofSeconds(20)).until(
                () -> admin.history(new HistoryQuery(ENTITY, Set.of(), null, null, null, null, null, 100)).items(), items -> items.size() == 40);
        return all.stream().max(Comparator.comparingDouble(RiskView::score)).orElseThrow();
    }

    @Test
    void anAnalystSeesTheEventItsContributionsTheExplanationAndTheHistory() {
        RiskView highest = burstsHighest();
        AssessmentDetailViewModel detail = detailFor(admin);

        detail.show(highest.riskId());

        assertThat(detail.titleProperty().get()).contains(String.valueOf(highest.riskId())).contains(ENTITY);
        assertThat(detail.levelProperty().get()).isIn("HIGH", "CRITICAL");
        assertThat(detail.eventFields()).contains(new AssessmentDetailViewModel.Field("type", "PAYMENT"),
                new AssessmentDetailViewModel.Field("channel", "CARD_NOT_PRESENT"), new AssessmentDetailViewModel.Field("currency", "EUR"));
        assertThat(detail.contributions()).isNotEmpty()
                .isSortedAccordingTo(Comparator.comparingDouble((ContributionView c) -> Math.abs(c.contribution())).reversed());
        assertThat(detail.explainingProperty().get()).isFalse();
        assertThat(detail.summaryProperty().get()).isNotBlank();
        assertThat(detail.features()).isNotEmpty().anySatisfy(f -> assertThat(f.againstBaseline()).isNotBlank());
        assertThat(detail.counterfactualProperty().get()).isNotBlank();
        assertThat(detail.nextChecks()).isNotEmpty();
        assertThat(detail.history()).hasSize(40).isSortedAccordingTo(Comparator.comparing(RiskView::timestamp));
        assertThat(detail.history()).extracting(RiskView::riskId).contains(highest.riskId());
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void clickingAnotherAssessmentOfTheHistoryShowsThatOne() {
        RiskView highest = burstsHighest();
        AssessmentDetailViewModel detail = detailFor(admin);
        detail.show(highest.riskId());
        RiskView oldest = detail.history().getFirst();

        detail.show(oldest.riskId());

        assertThat(detail.currentRiskIdProperty().get()).isEqualTo(oldest.riskId());
        assertThat(detail.riskProperty().get().riskId()).isEqualTo(oldest.riskId());
        assertThat(detail.levelProperty().get()).isEqualTo("LOW");
    }

    @Test
    void aViewerGetsNoExplanationCallButANote() {
        RiskView highest = burstsHighest();
        admin.createUser("vera", "vera@example.com", "viewer-password-123", "viewer");
        AtomicInteger explainCalls = new AtomicInteger();
        try (EmbeddedRiskClient viewer = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC())) {
            viewer.login("vera", "viewer-password-123");
            AssessmentDetailViewModel detail = detailFor(counting(viewer, explainCalls));

            detail.show(highest.riskId());

            assertThat(detail.canExplain()).isFalse();
            assertThat(explainCalls).hasValue(0);
            assertThat(detail.explanationProperty().get()).isNull();
            assertThat(detail.explanationNoteProperty().get()).isEqualTo("Explanations need the analyst role.");
            assertThat(detail.contributions()).isNotEmpty();
            assertThat(detail.history()).hasSize(40);
        }
    }

    @Test
    void aMissingAssessmentIsAReadableError() {
        AssessmentDetailViewModel detail = detailFor(admin);

        detail.show(987_654);

        assertThat(navigator.errors).singleElement().satisfies(e -> assertThat(e).contains("987654"));
    }

    @Test
    void theCounterfactualSaysWhatValueWouldHaveKeptTheScoreDown() {
        ExplanationView e = new ExplanationView(7, ENTITY, 0.93, "high", List.of(), List.of(), "", "template", List.of(), List.of(),
                Map.of("count_1m", 2.0), 0.41, null, List.of(new ExplanationView.Feature("count_1m", "events in the last minute", 14, 2.1, "")));

        assertThat(AssessmentDetailViewModel.counterfactualText(e, null)).isEqualTo("If count_1m had been 2 instead of 14, the score would be 0.41.");
    }

    /** The viewer's client, counting explain calls. */
    private static RiskClient counting(RiskClient client, AtomicInteger explainCalls) {
        return (RiskClient) Proxy.newProxyInstance(RiskClient.class.getClassLoader(), new Class<?>[]{RiskClient.class}, (proxy, method, args) -> {
            if (method.getName().equals("explain")) explainCalls.incrementAndGet();
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
