package com.riskpulse.server.health;

import com.riskpulse.engine.api.HealthView;
import com.riskpulse.engine.stream.Pipeline;
import com.riskpulse.engine.stream.PipelineStats;
import io.javalin.http.Context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code GET /api/v1/health} (no auth): the database answers and the pipeline runs → 200, else 503. */
public final class HealthController {

    private final DataSource dataSource;
    private final Pipeline pipeline;

    public HealthController(DataSource dataSource, Pipeline pipeline) {
        this.dataSource = dataSource;
        this.pipeline = pipeline;
    }

    public void health(Context ctx) {
        boolean database = databaseAnswers();
        boolean running = pipeline.isRunning();
        PipelineStats s = pipeline.stats();
        boolean ok = database && running;
        ctx.status(ok ? 200 : 503).json(new HealthView(ok ? "ok" : "degraded", database, running, s.partitionQueued(), s.storeQueued(),
                s.received(), s.scored(), s.stored(), s.rejected(), HealthController.class.getPackage().getImplementationVersion()));
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
