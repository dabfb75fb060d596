package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/health}: "ok" when the database answers and the pipeline runs, else "degraded" (HTTP 503).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthView(String status, boolean database, boolean pipelineRunning, int partitionQueued, int storeQueued,
                         long received, long scored, long stored, long rejected, String version) {
}
