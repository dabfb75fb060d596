package com.riskpulse.server.health;

import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineStats;
import io.javalin.http.Context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/v1/health} (no auth): the database answers, the pipeline runs and the engine still holds its node id
 * → 200, else 503 (what a load balancer or an orchestrator acts on).
 */
public final class HealthController {

    private final DataSource dataSource;
    private final Pipeline pipeline;
    private final int nodeId;
    private final BooleanSupplier nodeIdHeld;

    public HealthController(DataSource dataSource, Pipeline pipeline, int nodeId, BooleanSupplier nodeIdHeld) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
        this.nodeId = nodeId;
        this.nodeIdHeld = nodeIdHeld;
    }

    public void health(Context ctx) {
        boolean database = databaseAnswers();
        boolean running = pipeline.isRunning();
        PipelineStats s = pipeline.stats();
        boolean held = nodeIdHeld.getAsBoolean();
        boolean ok = database && running && held;
        ctx.status(ok ? 200 : 503).json(new HealthView(ok ? "ok" : "degraded", database, running, s.partitionQueued(), s.storeQueued(),
                s.received(), s.scored(), s.stored(), s.rejected(), HealthController.class.getPackage().getImplementationVersion(),
                nodeId, held));
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
