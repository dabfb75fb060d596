package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/v1/health}: "ok" when the database answers, the pipeline runs and this engine still holds its node
 * id, else "degraded" (HTTP 503). {@code nodeIdHeld} false means another engine took the id over while this one did
 * not renew it (a long pause, a lost database): its assessment ids may collide, and it should be restarted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record HealthView(String status, boolean database, boolean pipelineRunning, int partitionQueued, int storeQueued,
                         long received, long scored, long stored, long rejected, String version, int nodeId,
                         boolean nodeIdHeld) {
}
