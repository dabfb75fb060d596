package com.riskpulse.engine.explain;

import java.util.List;
import java.util.Map;

/**
 * The explanation of one assessment.
 *
 * @param riskId         the assessment's id
 * @param entityId       whose event it was
 * @param score          the score, in [0, 1]
 * @param level          the level, lower case
 * @param features        the top contributing features with their value and the entity's baseline
 * @param rulesFired     names of the rules that fired
 * @param citations      the most relevant policy passages, best first
 * @param nextChecks     what the analyst should check next (from the top document)
 * @param counterfactual the smallest change of the top feature(s) that gets the score under the alert threshold
 * @param summary        the prose
 * @param method         {@code template} (no language model) or the chat model's name
 * @param facts          every number the summary may state, by label
 * @param fallbackReason why a chat model's answer was replaced by the template; null otherwise
 */
public record Explanation(long riskId, String entityId, double score, String level, List<FeatureFact> features,
                          List<String> rulesFired, List<Passage> citations, List<String> nextChecks,
                          Counterfactual counterfactual, String summary, String method, Map<String, String> facts,
                          String fallbackReason) {

    /** One top feature: its value, what it added (log-odds) and, where there is one, the entity's baseline. */
    public record FeatureFact(String feature, String description, double value, double contribution, String phrase) {}
}
