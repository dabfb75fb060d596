package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.Map;

/**
 * An explanation of one assessment: its top contributions and rules, the policy passages cited
 * ({@code document § section}), what to check next, the counterfactual (feature to the value that would have
 * kept the score under the alert threshold, and that score) and the prose. {@code method} is {@code template}
 * when no language model wrote it; {@code fallback_reason} says why a chat model's answer was not used.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExplanationView(long riskId, String entityId, double score, String level, List<ContributionView> topContributions,
                              List<String> rulesFired, String summary, String method, List<String> citations,
                              List<String> nextChecks, Map<String, Double> counterfactual, Double counterfactualScore,
                              String fallbackReason) {
}
