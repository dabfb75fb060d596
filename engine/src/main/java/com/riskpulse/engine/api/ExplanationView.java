package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import com.riskpulse.engine.explain.Explanation;
import com.riskpulse.engine.explain.Passage;

import java.util.List;
import java.util.Map;

/**
 * An explanation of one assessment: its top contributions and rules, the policy passages cited
 * ({@code document § section}), what to check next, the counterfactual (feature to the value that would have
 * kept the score under the alert threshold, and that score) and the prose. {@code method} is {@code template}
 * when no language model wrote it; {@code fallback_reason} says why a chat model's answer was not used;
 * {@code features} puts each top feature against the entity's baseline.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExplanationView(long riskId, String entityId, double score, String level, List<ContributionView> topContributions,
                              List<String> rulesFired, String summary, String method, List<String> citations,
                              List<String> nextChecks, Map<String, Double> counterfactual, Double counterfactualScore,
                              String fallbackReason, List<Feature> features) {

    /**
     * One top feature in words: its value, what it added (log-odds) and, in {@code against_baseline}, the value set
     * against the entity's own baseline ("14 events in the last minute, against a usual 0.3 a minute over its last day").
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Feature(String name, String description, double value, double contribution, String againstBaseline) {
    }

    /** How many top contributions an explanation lists. */
    public static final int TOP = 5;

    public static ExplanationView of(Explanation e) {
        List<ContributionView> top = e.features().stream()
                .map(f -> new ContributionView(f.feature(), f.value(), f.contribution())).limit(TOP).toList();
        return new ExplanationView(e.riskId(), e.entityId(), e.score(), e.level(), top, e.rulesFired(), e.summary(), e.method(),
                e.citations().stream().map(Passage::citation).toList(), e.nextChecks(), e.counterfactual().changes(),
                e.counterfactual().found() ? e.counterfactual().newScore() : null, e.fallbackReason(),
                e.features().stream().map(f -> new Feature(f.feature(), f.description(), f.value(), f.contribution(), f.phrase())).toList());
    }
}
