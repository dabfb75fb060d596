package com.riskpulse.server;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.testing.TestDatabases;
import com.riskpulse.server.http.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * REST ingest under backpressure, on PostgreSQL: another transaction holds an exclusive lock on the
 * assessments table, so the store writer waits, the (deliberately tiny) queues fill, and the API answers
 * 503 with Retry-After instead of buffering without bound. Once the lock goes, everything accepted is stored.
 */
class IngestBackpressureTest {

    @TempDir
    Path dataDir;
    private TestDatabases.Scratch scratch;
    private RiskEngine engine;
    private RiskPulseServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (engine != null) engine.close();
        if (scratch != null) scratch.cleanup().run();
    }

    @Test
    void aFullPipelineAnswers503WithRetryAfterAndLosesNothingItAccepted() throws Exception {
        scratch = TestDatabases.postgres();
        String url = scratch.databaseUrl();
        engine = RiskEngine.start(Environment.of(Map.of("DATABASE_URL", url, "RISKPULSE_DATA_DIR", dataDir.toString(),
                "BCRYPT_COST", "4", "SECRET_KEY", "test-secret-key-that-is-long-enough-for-hs256-0123456789abcdef",
                "PIPELINE_QUEUE_CAPACITY", "4", "STORE_QUEUE_CAPACITY", "4", "STORE_BATCH_SIZE", "2", "STORE_WRITERS", "1")),
                RiskEngine.Mode.SERVER, Clock.systemUTC());
        engine.users().bootstrapAdmin(Optional.of("admin-password-123"));
        server = new RiskPulseServer(engine, new ServerSettings(0, List.of(), 1 << 20)).start(0);
        HttpClient http = HttpClient.newHttpClient();
        String token = com.riskpulse.server.http.Json.tree(http.send(request("/api/v1/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"admin-password-123\"}"), HttpResponse.BodyHandlers.ofString()).body())
                .get("access_token").asText();

        int accepted = 0;
        HttpResponse<String> full = null;
        try (Connection lock = scratch.database().dataSource().getConnection(); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE assessments IN ACCESS EXCLUSIVE MODE"); // the store writer now waits on it
            for (int i = 0; i < 200 && full == null; i++) {
                HttpResponse<String> r = http.send(request("/api/v1/events", token, """
                        {"event_id":"bp-%d","entity_id":"acct-%d","timestamp":"%s","type":"PAYMENT","amount":10}"""
                        .formatted(i, i % 7, Instant.now())), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) accepted++;
                else full = r;
            }
            assertThat(full).as("the pipeline never filled").isNotNull();
            assertThat(full.statusCode()).isEqualTo(503);
            assertThat(full.headers().firstValue("Retry-After")).contains("1");
            assertThat(full.body()).contains("\"code\"");
            lock.rollback(); // releases the lock
        }
        int expected = accepted;
        await().atMost(Duration.ofSeconds(20)).until(() -> engine.assessments().count() == expected);
    }

    private HttpRequest request(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }
}
