package com.riskpulse.server.docs;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real server on a free port over an H2 file database, for the documentation tests. */
final class DocsServer implements AutoCloseable {

    final RiskEngine engine;
    final RiskPulseServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    DocsServer(Path dataDir) {
        engine = RiskEngine.start(Environment.of(Map.of(
                "DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("riskpulse"),
                "RISKPULSE_DATA_DIR", dataDir.toString(),
                "BCRYPT_COST", "4",
                "SECRET_KEY", "test-secret-key-that-is-long-enough-for-hs256-0123456789abcdef")), RiskEngine.Mode.SERVER, Clock.systemUTC());
        server = new RiskPulseServer(engine, new ServerSettings(0, List.of(), 64 * 1024)).start(0);
    }

    String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
        engine.close();
    }
}
