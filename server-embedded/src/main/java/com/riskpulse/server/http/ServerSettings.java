package com.riskpulse.server.http;

import com.riskpulse.engine.config.Environment;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server runs.
 *
 * @param port         TCP port of plain HTTP; 0 picks a free one
 * @param corsOrigins  origins allowed by CORS ({@code CORS_ORIGINS}); empty means none
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param metricsToken when present, {@code GET /metrics} needs {@code Authorization: Bearer <it>} ({@code METRICS_TOKEN});
 *                     absent, the scrape endpoint is open (put it behind the network, not the internet)
 * @param tls          when present, Jetty also serves HTTPS from a PKCS12 keystore
 */
public record ServerSettings(int port, List<String> corsOrigins, long maxBodyBytes, Optional<String> metricsToken,
                             Optional<Tls> tls) {

    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_TLS_PORT = 8443;
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    /**
     * HTTPS from a keystore ({@code TLS_KEYSTORE}, {@code TLS_KEYSTORE_PASSWORD}, {@code TLS_PORT}).
     *
     * @param keystore PKCS12 file holding the server's key and certificate chain
     * @param password the keystore's (and key's) password
     * @param port     HTTPS port; 0 picks a free one
     */
    public record Tls(Path keystore, String password, int port) {
        public Tls {
            Objects.requireNonNull(keystore, "keystore");
            Objects.requireNonNull(password, "password");
            if (port < 0 || port > 65_535) throw new IllegalArgumentException("TLS port must be in [0, 65535], got " + port);
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", port=" + port + "]";
        }
    }

    public ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
        metricsToken = metricsToken.filter(t -> !t.isBlank());
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        if (maxBodyBytes < 1) throw new IllegalArgumentException("max body must be positive, got " + maxBodyBytes);
    }

    public ServerSettings(int port, List<String> corsOrigins, long maxBodyBytes) {
        this(port, corsOrigins, maxBodyBytes, Optional.empty(), Optional.empty());
    }

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, List.of(), DEFAULT_MAX_BODY);
    }

    /**
     * {@code PORT}, {@code CORS_ORIGINS} (comma-separated), {@code MAX_REQUEST_BYTES}, {@code METRICS_TOKEN},
     * {@code TLS_KEYSTORE} + {@code TLS_KEYSTORE_PASSWORD} + {@code TLS_PORT} (default 8443).
     */
    public static ServerSettings fromEnvironment(Environment env) {
        Optional<Tls> tls = env.string("TLS_KEYSTORE").filter(s -> !s.isBlank()).map(path -> new Tls(Path.of(path),
                env.string("TLS_KEYSTORE_PASSWORD").orElseThrow(() -> new IllegalArgumentException("TLS_KEYSTORE needs TLS_KEYSTORE_PASSWORD")),
                env.integer("TLS_PORT", DEFAULT_TLS_PORT)));
        return new ServerSettings(env.integer("PORT", DEFAULT_PORT), env.list("CORS_ORIGINS", List.of()),
                env.integer("MAX_REQUEST_BYTES", (int) DEFAULT_MAX_BODY), env.string("METRICS_TOKEN"), tls);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, corsOrigins, maxBodyBytes, metricsToken, tls);
    }

    public ServerSettings withTls(Tls newTls) {
        return new ServerSettings(port, corsOrigins, maxBodyBytes, metricsToken, Optional.of(newTls));
    }

    public ServerSettings withMetricsToken(String token) {
        return new ServerSettings(port, corsOrigins, maxBodyBytes, Optional.ofNullable(token), tls);
    }
}
