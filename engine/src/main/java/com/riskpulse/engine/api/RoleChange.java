package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code PUT /api/v1/users/{id}/role}: {@code {"role": "analyst"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleChange(String role) {
}
