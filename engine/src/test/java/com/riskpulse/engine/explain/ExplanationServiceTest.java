package com.riskpulse.engine.explain;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Forbidden;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.score.ScoringConfig;
import com.riskpulse.engine.score.ScoringModel;
import com.riskpulse.engine.simulator.ScenarioType;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.testing.InMemoryAssessments;
import com.riskpulse.engine.testing.RecordingAuditLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retrieval, template, counterfactual and the chat model's number check, on simulator assessments. */
class ExplanationServiceTest {

    static final Actor ANALYST = new Actor(7, "ann", Role.ANALYST, Origin.API);
    static final Map<ScenarioType, String> POLICY = Map.of(
            ScenarioType.CARD_TESTING, "card-testing.md",
            ScenarioType.ACCOUNT_TAKEOVER, "account-takeover.md",
            ScenarioType.IMPOSSIBLE_TRAVEL, "impossible-travel.md",
            ScenarioType.AMOUNT_SPIKE, "amount-spike.md",
            ScenarioType.MULE_FAN_OUT, "mule-fan-out.md");

    static KnowledgeBase knowledge;
    static ScoringModel model;
    /** Per scenario, its highest-scoring labelled assessment. */
    static final Map<ScenarioType, Assessment> byScenario = new EnumMap<>(ScenarioType.class);
    static final InMemoryAssessments assessments = new InMemoryAssessments();

    @BeforeAll
    static void setUp() {
        knowledge = KnowledgeBase.load(null);
        model = ScoringModel.compile(ScoringConfig.defaults());
        RiskScorer scorer = new RiskScorer(() -> model, new AssessmentIds(0), Duration.ofMinutes(5));
        Simulator.events(SimulatorSettings.unpaced(20261126L, 60_000)).forEach(e -> {
            Assessment a = scorer.score(e);
            if (a == null) return;
            ScenarioType type = ScenarioType.fromLabel(e.attributes().get(RiskEvent.SCENARIO_ATTRIBUTE));
            if (type == null) return;
            Assessment best = byScenario.get(type);
            if (best == null || a.score() > best.score()) byScenario.put(type, a);
        });
        assessments.storeAll(List.copyOf(byScenario.values()));
    }

    ExplanationService service(Optional<ExplanationChat> chat, RecordingAuditLog audit) {
        return new ExplanationService(assessments, audit, () -> model, () -> knowledge, chat, () -> RiskLevel.HIGH);
    }

    @ParameterizedTest
    @EnumSource(ScenarioType.class)
    void retrievalPutsTheScenariosPolicyDocumentFirst(ScenarioType type) {
        Assessment a = byScenario.get(type);
        assertThat(a).as("an assessment of " + type).isNotNull();
        List<Passage> found = ExplanationService.retrieve(knowledge, a, 3);
        assertThat(found.getFirst().document()).as("query: " + ExplanationService.query(a)).isEqualTo(POLICY.get(type));
    }

    @Test
    void cardTestingExplanationNamesVelocityAndCitesTheCardTestingDocument() {
        RecordingAuditLog audit = new RecordingAuditLog();
        Assessment a = byScenario.get(ScenarioType.CARD_TESTING);
        Explanation e = service(Optional.empty(), audit).explain(ANALYST, a.id());

        assertThat(e.features()).extracting(Explanation.FeatureFact::feature).contains("count_1m");
        assertThat(e.summary()).contains("count_1m").contains("events in the last minute").contains("card-testing.md");
        assertThat(e.citations()).extracting(Passage::document).first().isEqualTo("card-testing.md");
        assertThat(e.citations()).hasSizeBetween(2, 4);
        assertThat(e.nextChecks()).isNotEmpty();
        assertThat(e.method()).isEqualTo(ExplanationService.TEMPLATE);
        assertThat(e.summary()).contains("without a language model");
        assertThat(audit.of(AuditAction.EXPLANATION_REQUESTED)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ScenarioType.class)
    void everyNumberInTheTemplateIsTracedToTheAssessment(ScenarioType type) {
        Assessment a = byScenario.get(type);
        Explanation e = service(Optional.empty(), new RecordingAuditLog()).explain(a);
        Facts facts = new Facts();
        e.facts().forEach((k, v) -> {
            if (v.contains(".")) facts.add(k, Double.parseDouble(v), decimals(v));
            else facts.add(k, Long.parseLong(v));
        });
        assertThat(facts.untraced(e.summary())).as(e.summary()).isEmpty();
        // and the facts themselves come from the assessment
        assertThat(e.facts().get("score")).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", a.score()));
        assertThat(e.facts().get("risk_id")).isEqualTo(Long.toString(a.id()));
        e.features().forEach(f -> assertThat(f.value()).isEqualTo(a.features().get(com.riskpulse.engine.feature.Feature.fromWireName(f.feature()))));
    }

    @ParameterizedTest
    @EnumSource(ScenarioType.class)
    void theCounterfactualAppliedAndRescoredFallsUnderTheThreshold(ScenarioType type) {
        Assessment a = byScenario.get(type);
        Explanation e = service(Optional.empty(), new RecordingAuditLog()).explain(a);
        double threshold = model.config().thresholds().lowerBound(RiskLevel.HIGH);
        assertThat(a.score()).isGreaterThanOrEqualTo(threshold);
        Counterfactual cf = e.counterfactual();
        assertThat(cf.found()).isTrue();
        double rescored = model.score(a.event(), Counterfactual.apply(a.features(), cf.changes())).score();
        assertThat(rescored).isLessThan(threshold).isEqualTo(cf.newScore());
    }

    @Test
    void aChatModelStatingANumberThatIsNoFactFallsBackToTheTemplate() {
        Assessment a = byScenario.get(ScenarioType.CARD_TESTING);
        ExplanationChat liar = prompt -> "The entity made 42 payments in a minute, score 0.999; see card-testing.md § Pattern.";
        Explanation e = service(Optional.of(liar), new RecordingAuditLog()).explain(ANALYST, a.id());
        assertThat(e.method()).isEqualTo(ExplanationService.TEMPLATE);
        assertThat(e.fallbackReason()).contains("42");
        assertThat(e.summary()).contains("without a language model");
    }

    @Test
    void aChatModelStatingOnlyFactsIsKept() {
        Assessment a = byScenario.get(ScenarioType.CARD_TESTING);
        String score = String.format(java.util.Locale.ROOT, "%.3f", a.score());
        ExplanationChat honest = prompt -> "Risk scored " + score + " after a burst of small payments (card-testing.md § Pattern).";
        Explanation e = service(Optional.of(honest), new RecordingAuditLog()).explain(ANALYST, a.id());
        assertThat(e.method()).isEqualTo("chat-model");
        assertThat(e.fallbackReason()).isNull();
        assertThat(e.summary()).contains(score);
    }

    @Test
    void aViewerMayNotAskForAnExplanation() {
        Actor viewer = new Actor(8, "vic", Role.VIEWER, Origin.API);
        RecordingAuditLog audit = new RecordingAuditLog();
        long id = byScenario.get(ScenarioType.CARD_TESTING).id();
        assertThatThrownBy(() -> service(Optional.empty(), audit).explain(viewer, id)).isInstanceOf(Forbidden.class);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void theOrganisationsOwnDocumentsAreSplitBySection() throws Exception {
        Path dir = Files.createTempDirectory("kb");
        Files.createDirectories(dir.resolve("knowledge"));
        Files.writeString(dir.resolve("knowledge/wire-fraud.md"), "# Wire fraud\n\n## Pattern\nFake invoices.\n\n## Handling\nCall the supplier.\n");
        Files.writeString(dir.resolve("knowledge/notes.txt"), "Plain notes without sections.");
        List<Passage> own = KnowledgeBase.fromFolder(dir.resolve("knowledge"));
        assertThat(own).extracting(Passage::citation)
                .containsExactly("notes.txt § notes", "wire-fraud.md § Pattern", "wire-fraud.md § Handling");
    }

    private static int decimals(String v) {
        int dot = v.indexOf('.');
        return dot < 0 ? 0 : v.length() - dot - 1;
    }
}
