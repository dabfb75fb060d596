package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/alerts/{id}/resolve}: resolution one of confirmed_fraud, false_positive, benign, duplicate. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResolveRequest(String resolution, String note) {
}
