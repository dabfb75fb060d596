package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/alerts/{id}/assign}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssignRequest(String assignee) {
}
