package com.riskpulse.server.metrics;

import com.riskpulse.server.http.ApiException;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code GET /metrics}: the Prometheus scrape. Open unless {@code METRICS_TOKEN} is set, then it needs
 * {@code Authorization: Bearer <METRICS_TOKEN>} (Prometheus: {@code authorization: {credentials: ...}}).
 */
public final class MetricsController {

    private final ServerMetrics metrics;
    private final Optional<byte[]> token;

    public MetricsController(ServerMetrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public void scrape(Context ctx) {
        if (token.isPresent()) {
            String header = ctx.header("Authorization");
            byte[] offered = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!MessageDigest.isEqual(offered, token.get())) throw ApiException.unauthorized("metrics need the METRICS_TOKEN bearer token");
        }
        ctx.contentType(ServerMetrics.contentType()).result(metrics.scrape());
    }
}
