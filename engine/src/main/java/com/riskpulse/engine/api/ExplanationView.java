package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * An explanation of one assessment. For now composed from its contributions (no retrieval, no chat model):
 * {@code method} says so.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExplanationView(long riskId, String entityId, double score, String level, List<ContributionView> topContributions,
                              List<String> rulesFired, String summary, String method) {
}
