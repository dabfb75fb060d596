package com.riskpulse.server.http;

import com.riskpulse.engine.config.Environment;

import java.util.List;

/**
 * How the HTTP server runs.
 *
 * @param port         TCP port; 0 picks a free one
 * @param corsOrigins  origins allowed by CORS ({@code CORS_ORIGINS}); empty means none
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 */
public record ServerSettings(int port, List<String> corsOrigins, long maxBodyBytes) {

    public static final int DEFAULT_PORT = 8000;
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    public ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        if (maxBodyBytes < 1) throw new IllegalArgumentException("max body must be positive, got " + maxBodyBytes);
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, List.of(), DEFAULT_MAX_BODY);
    }

    /** {@code PORT}, {@code CORS_ORIGINS} (comma-separated), {@code MAX_REQUEST_BYTES}. */
    public static ServerSettings fromEnvironment(Environment env) {
        return new ServerSettings(env.integer("PORT", DEFAULT_PORT), env.list("CORS_ORIGINS", List.of()),
                env.integer("MAX_REQUEST_BYTES", (int) DEFAULT_MAX_BODY));
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, corsOrigins, maxBodyBytes);
    }
}
