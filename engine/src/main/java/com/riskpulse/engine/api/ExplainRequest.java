package com.riskpulse.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/explain/risk}: {@code {"risk_id": 123}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExplainRequest(@JsonProperty("risk_id") Long riskId) {
}
