package com.riskpulse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.auth.AuthSettings;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.server.http.Json;
import com.riskpulse.server.http.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real server on a free port, a real HTTP client, the engine on a real database (per subclass). */
abstract class ServerContract {

    static final String ADMIN_PASSWORD = "admin-password-123";
    static final String SECRET_KEY = "test-secret-key-that-is-long-enough-for-hs256-0123456789abcdef";

    @TempDir
    Path dataDir;
    RiskEngine engine;
    RiskPulseServer server;
    final HttpClient http = HttpClient.newHttpClient();

    protected abstract String databaseUrl();

    protected void releaseDatabase() {
    }

    @BeforeEach
    void start() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl());
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("SECRET_KEY", SECRET_KEY);
        engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.SERVER, Clock.systemUTC());
        engine.users().bootstrapAdmin(Optional.of(ADMIN_PASSWORD));
        server = new RiskPulseServer(engine, new ServerSettings(0, List.of(), 64 * 1024)).start(0);
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (engine != null) engine.close();
        releaseDatabase();
    }

    // ---- client helpers

    record Response(int status, JsonNode json, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Response send(String method, String path, String token, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(20));
        if (token != null) b.header("Authorization", "Bearer " + token);
        b.header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
            JsonNode json = r.body().isBlank() || !isJson ? null : Json.tree(r.body());
            return new Response(r.statusCode(), json, r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, "application/json");
    }

    Response post(String path, String token, String body) {
        return send("POST", path, token, body, "application/json");
    }

    String login(String username, String password) {
        Response r = post("/api/v1/auth/login", null, "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json().get("access_token").asText();
    }

    String adminToken() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates a user with {@code role} through the API and logs in. */
    String tokenFor(String role) {
        Response created = post("/api/v1/users", adminToken(), """
                {"username":"%s1","email":"%s@example.com","password":"password-for-%s","role":"%s"}""".formatted(role, role, role, role));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return login(role + "1", "password-for-" + role);
    }

    static String event(String id) {
        return """
                {"event_id":"%s","entity_id":"acct-42","timestamp":"%s","type":"PAYMENT","amount":129.90,"currency":"EUR"}"""
                .formatted(id, Instant.now());
    }

    long ingestOneAndWait(String token) {
        Response r = post("/api/v1/events", token, event("e-1"));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/risk/live", token).json().size() == 1);
        return get("/api/v1/risk/live", token).json().get(0).get("risk_id").asLong();
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }

    // ---- the seed's flow

    @Test
    void seedFlowRegisterLoginLive() {
        Response reg = post("/api/v1/auth/register", null, """
                {"email":"analyst@example.com","username":"analyst","password":"securepass123","role":"analyst"}""");
        assertThat(reg.status()).as(reg.raw().body()).isEqualTo(201);
        assertThat(reg.json().get("role").asText()).isEqualTo("analyst");

        Response login = post("/api/v1/auth/login", null, "{\"username\":\"analyst\",\"password\":\"securepass123\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(login.json().get("expires_in").asLong()).isPositive();
        String token = login.json().get("access_token").asText();

        Response live = get("/api/v1/risk/live", token);
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().isArray()).isTrue();

        Response me = get("/api/v1/auth/me", token);
        assertThat(me.json().get("username").asText()).isEqualTo("analyst");
        assertThat(me.json().get("email").asText()).isEqualTo("analyst@example.com");
        assertThat(me.json().has("id")).isTrue();
    }

    @Test
    void healthNeedsNoToken() {
        Response r = get("/api/v1/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().get("database").asBoolean()).isTrue();
        assertThat(r.json().get("pipeline_running").asBoolean()).isTrue();
        assertThat(r.json().get("node_id").asInt()).isEqualTo(engine.nodeId());
        assertThat(r.json().get("node_id_held").asBoolean()).isTrue();
    }

    @Test
    void healthTurnsDegradedWhenAnotherEngineTookThisOnesNodeIdOver() throws Exception {
        // what a server finds after a pause longer than its lease: another engine now holds its node id
        try (java.sql.Connection c = engine.database().dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE node_leases SET holder = 'another server' WHERE node_id = ?")) {
            s.setInt(1, engine.nodeId());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        // the lease is renewed every 10 s; the renewal finds it gone
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/health", null).status() == 503);
        Response r = get("/api/v1/health", null);
        assertThat(r.json().get("status").asText()).isEqualTo("degraded");
        assertThat(r.json().get("node_id_held").asBoolean()).isFalse();
        assertThat(r.json().get("database").asBoolean()).isTrue();
    }

    // ---- risks, ingest, explain

    @Test
    void ingestThenReadRisksByIdHistoryStatsAndExplain() {
        String analyst = tokenFor("analyst");
        long riskId = ingestOneAndWait(analyst);

        Response one = get("/api/v1/risk/" + riskId, analyst);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("event_id").asText()).isEqualTo("e-1");
        assertThat(one.json().get("entity_id").asText()).isEqualTo("acct-42");

        Response history = get("/api/v1/risk/history?entity_id=acct-42&limit=10", analyst);
        assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
        assertThat(history.json().get("items")).hasSize(1);
        assertThat(history.json().has("next_cursor")).isTrue();

        Response stats = get("/api/v1/risk/stats?window=2h", analyst);
        assertThat(stats.status()).as(stats.raw().body()).isEqualTo(200);
        assertThat(stats.json().get("total").asLong()).isEqualTo(1);
        assertThat(stats.json().get("counts").has("low")).isTrue();

        assertError(get("/api/v1/risk/999999", analyst), 404, "not_found");
        assertError(get("/api/v1/risk/history?min_score=2", analyst), 400, "bad_request");
        assertError(get("/api/v1/risk/stats?window=soon", analyst), 400, "bad_request");

        Response explanation = post("/api/v1/explain/risk", analyst, "{\"risk_id\":" + riskId + "}");
        assertThat(explanation.status()).as(explanation.raw().body()).isEqualTo(200);
        assertThat(explanation.json().get("summary").asText()).contains("acct-42");
        assertThat(explanation.json().has("top_contributions")).isTrue();
        assertThat(explanation.json().get("method").asText()).isEqualTo("template");
        assertThat(explanation.json().get("citations")).isNotEmpty();
        assertThat(explanation.json().get("summary").asText()).contains("without a language model");
        Response audit = get("/api/v1/audit/logs?action=explanation_requested", adminToken());
        assertThat(audit.json().get("items")).hasSize(1);
    }

    @Test
    void ingestArrayAndNdjsonAnswerPerEvent() {
        String analyst = tokenFor("analyst");
        Response array = post("/api/v1/events", analyst, "[" + event("a-1") + ",{\"event_id\":\"a-2\",\"entity_id\":\"x\",\"type\":\"PAYMENT\"}]");
        assertThat(array.status()).as(array.raw().body()).isEqualTo(200);
        assertThat(array.json().get(0).get("accepted").asBoolean()).isTrue();
        assertThat(array.json().get(1).get("accepted").asBoolean()).isFalse();
        assertThat(array.json().get(1).get("field").asText()).isEqualTo("timestamp");
        assertThat(array.json().get(1).get("event_id").asText()).isEqualTo("a-2");

        Response nd = send("POST", "/api/v1/events", analyst, event("n-1") + "\n" + event("n-2") + "\n", "application/x-ndjson");
        assertThat(nd.status()).as(nd.raw().body()).isEqualTo(202);
        assertThat(nd.json()).hasSize(2);

        Response single = post("/api/v1/events", analyst, "{\"event_id\":\"s-1\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"PAYMENT\"}");
        assertError(single, 400, "bad_request");
        assertThat(single.json().get("field").asText()).isEqualTo("entity_id");
    }

    // ---- errors

    @Test
    void missingBadAndGarbageTokensAre401WithChallenge() {
        for (String token : new String[] {null, "garbage", adminToken() + "x"}) {
            Response r = get("/api/v1/risk/live", token);
            assertError(r, 401, "unauthorized");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertError(post("/api/v1/auth/login", null, "{\"username\":\"admin\",\"password\":\"wrong-password\"}"), 401, "unauthorized");
    }

    @Test
    void malformedJsonMissingFieldsUnknownRoutesAndHugeBodies() {
        Response malformed = post("/api/v1/auth/login", null, "{\"username\": ");
        assertError(malformed, 400, "bad_request");
        assertThat(malformed.json().get("message").asText()).contains("malformed JSON");

        Response missing = post("/api/v1/auth/login", null, "{\"username\":\"admin\"}");
        assertError(missing, 400, "bad_request");
        assertThat(missing.json().get("field").asText()).isEqualTo("password");

        assertError(get("/api/v1/nothing-here", adminToken()), 404, "not_found");
        assertError(get("/nowhere", null), 404, "not_found");

        String huge = "[" + "\"x\",".repeat(40_000) + "\"x\"]";
        Response tooLarge = post("/api/v1/events", adminToken(), huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void viewerIsRefusedWhatNeedsMoreThanReading() {
        String viewer = tokenFor("viewer");
        assertThat(get("/api/v1/risk/live", viewer).status()).isEqualTo(200);
        assertThat(get("/api/v1/alerts", viewer).status()).isEqualTo(200);
        assertThat(get("/api/v1/config", viewer).status()).isEqualTo(200);
        List<String[]> refused = List.of(
                new String[] {"GET", "/api/v1/users"},
                new String[] {"POST", "/api/v1/users"},
                new String[] {"POST", "/api/v1/users/1/disable"},
                new String[] {"GET", "/api/v1/audit/logs"},
                new String[] {"GET", "/api/v1/audit/verify"},
                new String[] {"PUT", "/api/v1/config"},
                new String[] {"POST", "/api/v1/config/preview"},
                new String[] {"POST", "/api/v1/alerts/1/acknowledge"},
                new String[] {"POST", "/api/v1/alerts/1/assign"},
                new String[] {"POST", "/api/v1/alerts/1/resolve"},
                new String[] {"PUT", "/api/v1/users/1/role"},
                new String[] {"POST", "/api/v1/events"},
                new String[] {"POST", "/api/v1/explain/risk"});
        for (String[] route : refused) {
            Response r = send(route[0], route[1], viewer, "{}", "application/json");
            assertThat(r.status()).as(route[0] + " " + route[1] + ": " + r.raw().body()).isEqualTo(403);
            assertThat(r.json().get("code").asText()).isEqualTo("forbidden");
        }
    }

    // ---- admin: users, config, audit; alerts

    @Test
    void adminManagesUsersConfigAndAudit() {
        String admin = adminToken();
        tokenFor("viewer");
        Response list = get("/api/v1/users", admin);
        assertThat(list.json()).hasSize(2);
        long viewerId = list.json().get(1).get("id").asLong();
        Response promoted = send("PUT", "/api/v1/users/" + viewerId + "/role", admin, "{\"role\":\"analyst\"}", "application/json");
        assertThat(promoted.json().get("role").asText()).isEqualTo("analyst");
        assertThat(post("/api/v1/users/" + viewerId + "/disable", admin, null).json().get("enabled").asBoolean()).isFalse();
        assertThat(post("/api/v1/users/" + viewerId + "/enable", admin, null).json().get("enabled").asBoolean()).isTrue();
        assertError(post("/api/v1/users/99999/disable", admin, null), 404, "not_found");

        Response config = get("/api/v1/config", admin);
        int version = config.json().get("version").asInt();
        String doc = config.raw().body();
        Response updated = send("PUT", "/api/v1/config", admin, doc, "application/json");
        assertThat(updated.status()).as(updated.raw().body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(version + 1);
        assertError(send("PUT", "/api/v1/config", admin, doc, "application/json"), 409, "conflict");
        String invalid = doc.replaceFirst("\"low\":[0-9.]+", "\"low\":7.5").replaceFirst("\"version\":\\d+", "\"version\":" + (version + 1));
        Response rejected = send("PUT", "/api/v1/config", admin, invalid, "application/json");
        assertError(rejected, 400, "invalid");
        assertThat(rejected.json().get("problems")).isNotEmpty();
        assertThat(post("/api/v1/config/preview", admin, doc).status()).isEqualTo(200);
        assertThat(get("/api/v1/config/history", admin).json()).hasSize(2);

        Response logs = get("/api/v1/audit/logs?limit=2", admin);
        assertThat(logs.json().get("items")).hasSize(2);
        assertThat(logs.json().get("next_cursor").isNull()).isFalse();
        assertThat(get("/api/v1/audit/verify", admin).json().get("result").asText()).isEqualTo("intact");
    }

    @Test
    void alertRoutesAnswer() {
        String analyst = tokenFor("analyst");
        Response list = get("/api/v1/alerts?status=open&severity=high,critical", analyst);
        assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
        assertThat(list.json().get("items").isArray()).isTrue();
        assertThat(get("/api/v1/alerts/stats", analyst).status()).isEqualTo(200);
        assertError(get("/api/v1/alerts/12345", analyst), 404, "not_found");
        assertError(post("/api/v1/alerts/12345/acknowledge", analyst, null), 404, "not_found");
        assertError(post("/api/v1/alerts/12345/resolve", analyst, "{\"resolution\":\"nonsense\"}"), 400, "bad_request");
        assertError(get("/api/v1/alerts?status=lost", analyst), 400, "bad_request");
        assertThat(get("/api/v1/alerts?time_field=created_at&from=2026-01-01T00:00:00Z", analyst).status()).isEqualTo(200);
        assertError(get("/api/v1/alerts?time_field=age", analyst), 400, "bad_request");
    }

    // ---- operations: /metrics, request ids, TLS

    @Test
    void metricsArePrometheusTextAndMoveAfterIngest() {
        Response before = get("/metrics", null);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("Content-Type")).startsWith("text/plain");
        String text = before.raw().body();
        for (String name : List.of("riskpulse_events_scored_total", "riskpulse_events_received_total", "riskpulse_dead_letters_total",
                "riskpulse_pipeline_latency_seconds{quantile=\"0.99\"}", "riskpulse_partition_queue_depth", "riskpulse_store_queue_depth",
                "riskpulse_ws_clients", "riskpulse_ws_messages_sent_total", "riskpulse_ws_messages_dropped_total",
                "riskpulse_ws_disconnected_slow_total", "riskpulse_alerts{status=\"open\"}", "jvm_memory_used_bytes",
                "jvm_gc_", "jvm_threads_live_threads")) {
            assertThat(text).as(name).contains(name);
        }
        assertThat(metric(text, "riskpulse_events_scored_total")).isZero();
        String analyst = tokenFor("analyst");
        ingestOneAndWait(analyst);
        await().atMost(Duration.ofSeconds(5)).until(() -> metric(get("/metrics", null).raw().body(), "riskpulse_events_scored_total") == 1.0);
        String after = get("/metrics", null).raw().body();
        assertThat(after).contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/events\",status=\"202\"}");
        assertThat(after).contains("route=\"/api/v1/risk/live\",status=\"200\"");
        assertThat(metric(after, "riskpulse_pipeline_latency_seconds{quantile=\"0.99\"}")).isPositive();
    }

    static double metric(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }

    @Test
    void everyResponseCarriesARequestIdTakingASaneOneFromTheClient() {
        Response fresh = get("/api/v1/health", null);
        assertThat(fresh.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(get("/api/v1/health", null).header("X-Request-Id")).isNotEqualTo(fresh.header("X-Request-Id"));
        assertThat(withRequestId("/api/v1/health", "trace-abc.123").header("X-Request-Id")).isEqualTo("trace-abc.123");
        assertThat(withRequestId("/api/v1/health", "bad id <script>").header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(withRequestId("/nowhere", "on-a-404").header("X-Request-Id")).isEqualTo("on-a-404");
    }

    @Test
    void theRequestIdOfA500IsTheOneInItsBody() {
        String admin = adminToken();
        engine.database().close(); // test-only way to make the next query fail unexpectedly
        Response failed = withRequestId("/api/v1/alerts", "req-500-check", admin);
        assertThat(failed.status()).as(failed.raw().body()).isEqualTo(500);
        assertThat(failed.json().get("code").asText()).isEqualTo("internal_error");
        assertThat(failed.json().get("request_id").asText()).isEqualTo("req-500-check").isEqualTo(failed.header("X-Request-Id"));
    }

    Response withRequestId(String path, String requestId) {
        return withRequestId(path, requestId, null);
    }

    Response withRequestId(String path, String requestId, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).header("X-Request-Id", requestId);
        if (token != null) b.header("Authorization", "Bearer " + token);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isBlank() ? null : Json.tree(r.body()), r);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesHttpsFromAKeystore() throws Exception {
        Path keystore = dataDir.resolve("server.p12");
        String password = "changeit-123";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "riskpulse", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(out).isZero();

        RiskPulseServer tls = new RiskPulseServer(engine, new ServerSettings(0, List.of(), 64 * 1024)
                .withTls(new ServerSettings.Tls(keystore, password, 0))).start(0);
        try {
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            try (var in = java.nio.file.Files.newInputStream(keystore)) {
                trust.load(in, password.toCharArray());
            }
            var certOnly = java.security.KeyStore.getInstance("PKCS12");
            certOnly.load(null, null);
            certOnly.setCertificateEntry("server", trust.getCertificate("riskpulse"));
            var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(certOnly);
            var context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(context).build();
            assertThat(tls.tlsPort()).isPositive().isNotEqualTo(tls.port());
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tls.tlsPort() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Json.tree(r.body()).get("status").asText()).isEqualTo("ok");
            assertThat(r.sslSession()).isPresent();
        } finally {
            tls.stop();
        }
    }

    // ---- the permission matrix, tokens, alerts worked over HTTP, CORS

    @Test
    void everyProtectedRouteIsRefusedExactlyWherePermissionSaysSo() {
        record Route(String method, String path, Permission permission) { }
        List<Route> routes = List.of(
                new Route("GET", "/api/v1/risk/live", Permission.READ_RISKS),
                new Route("GET", "/api/v1/risk/history", Permission.READ_RISKS),
                new Route("GET", "/api/v1/risk/stats", Permission.READ_STATS),
                new Route("GET", "/api/v1/risk/999999", Permission.READ_RISKS),
                new Route("GET", "/api/v1/alerts", Permission.READ_ALERTS),
                new Route("GET", "/api/v1/alerts/stats", Permission.READ_STATS),
                new Route("GET", "/api/v1/alerts/999999", Permission.READ_ALERTS),
                new Route("POST", "/api/v1/alerts/999999/acknowledge", Permission.WORK_ALERTS),
                new Route("POST", "/api/v1/alerts/999999/assign", Permission.WORK_ALERTS),
                new Route("POST", "/api/v1/alerts/999999/resolve", Permission.WORK_ALERTS),
                new Route("GET", "/api/v1/config", Permission.READ_CONFIG),
                new Route("PUT", "/api/v1/config", Permission.CHANGE_CONFIG),
                new Route("POST", "/api/v1/config/preview", Permission.PREVIEW_CONFIG),
                new Route("GET", "/api/v1/config/history", Permission.READ_CONFIG),
                new Route("GET", "/api/v1/audit/logs", Permission.READ_AUDIT),
                new Route("GET", "/api/v1/audit/verify", Permission.VERIFY_AUDIT),
                new Route("GET", "/api/v1/users", Permission.MANAGE_USERS),
                new Route("POST", "/api/v1/users", Permission.MANAGE_USERS),
                new Route("PUT", "/api/v1/users/999999/role", Permission.MANAGE_USERS),
                new Route("POST", "/api/v1/users/999999/disable", Permission.MANAGE_USERS),
                new Route("POST", "/api/v1/users/999999/enable", Permission.MANAGE_USERS),
                new Route("POST", "/api/v1/events", Permission.INGEST_EVENTS),
                new Route("POST", "/api/v1/explain/risk", Permission.EXPLAIN));
        Map<Role, String> tokens = Map.of(Role.VIEWER, tokenFor("viewer"), Role.ANALYST, tokenFor("analyst"), Role.ADMIN, adminToken());
        List<String> wrong = new java.util.ArrayList<>();
        for (Route route : routes) {
            for (Role role : Role.values()) {
                Response r = send(route.method(), route.path(), tokens.get(role), "{}", "application/json");
                boolean refused = r.status() == 403;
                if (refused == route.permission().grantedTo(role) || r.status() == 401 || r.status() >= 500) {
                    wrong.add(role + " " + route.method() + " " + route.path() + " -> " + r.status() + " " + r.raw().body());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anExpiredTokenIs401() {
        long adminId = get("/api/v1/auth/me", adminToken()).json().get("id").asLong();
        TokenService past = new TokenService(AuthSettings.defaults(SECRET_KEY, false, dataDir), id -> Optional.empty(),
                Clock.fixed(Instant.now().minus(Duration.ofHours(3)), java.time.ZoneOffset.UTC));
        String expired = past.issue(adminId, "admin", Role.ADMIN).token();
        Response r = get("/api/v1/risk/live", expired);
        assertError(r, 401, "unauthorized");
        assertThat(r.json().get("message").asText()).contains("expired");
    }

    // ---- token refresh

    /** The claims of a token as the server wrote them (the signature is the server's business). */
    static JsonNode claims(String token) {
        return Json.tree(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A token of the admin issued {@code ago}, as the server would have then. */
    String adminTokenIssued(Duration ago) {
        long adminId = get("/api/v1/auth/me", adminToken()).json().get("id").asLong();
        TokenService then = new TokenService(AuthSettings.defaults(SECRET_KEY, false, dataDir), id -> Optional.empty(),
                Clock.fixed(Instant.now().minus(ago), java.time.ZoneOffset.UTC));
        return then.issue(adminId, "admin", Role.ADMIN).token();
    }

    /** The newest audit entry's place in the chain (reading the trail is not audited). */
    long newestAuditSeq(String adminToken) {
        return get("/api/v1/audit/logs?limit=1", adminToken).json().get("items").get(0).get("seq").asLong();
    }

    @Test
    void refreshAnswersAWorkingTokenInLoginsShapeThatExpiresLaterAndIsNotAudited() {
        String old = adminTokenIssued(Duration.ofMinutes(50)); // ten minutes left
        String reader = adminToken();
        long auditedBefore = newestAuditSeq(reader);

        Response r = post("/api/v1/auth/refresh", old, null);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(AuthSettings.DEFAULT_TOKEN_TTL.toSeconds());
        String fresh = r.json().get("access_token").asText();
        assertThat(claims(fresh).get("exp").asLong()).isGreaterThan(claims(old).get("exp").asLong() + 45 * 60);
        assertThat(claims(fresh).get("sub").asText()).isEqualTo(claims(old).get("sub").asText());
        Response me = get("/api/v1/auth/me", fresh);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("admin");
        assertThat(newestAuditSeq(reader)).as("a refresh adds no audit entry").isEqualTo(auditedBefore);
    }

    @Test
    void refreshWithoutAValidTokenIs401LikeEveryOtherRoute() {
        for (String token : new String[] {null, "garbage", adminToken() + "x"}) {
            Response r = post("/api/v1/auth/refresh", token, null);
            assertError(r, 401, "unauthorized");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        Response expired = post("/api/v1/auth/refresh", adminTokenIssued(Duration.ofHours(3)), null);
        assertError(expired, 401, "unauthorized");
        assertThat(expired.json().get("message").asText()).contains("expired");
    }

    @Test
    void refreshOfADisabledAccountIs401() {
        String analyst = tokenFor("analyst");
        long id = get("/api/v1/auth/me", analyst).json().get("id").asLong();
        assertThat(post("/api/v1/users/" + id + "/disable", adminToken(), null).status()).isEqualTo(200);

        Response r = post("/api/v1/auth/refresh", analyst, null);

        assertError(r, 401, "unauthorized");
        assertThat(r.json().get("message").asText()).contains("disabled");
    }

    @Test
    void theRefreshedTokenCarriesTheRoleAsStoredNow() {
        String analyst = tokenFor("analyst");
        long id = get("/api/v1/auth/me", analyst).json().get("id").asLong();
        assertThat(claims(analyst).get("role").asText()).isEqualTo("analyst");
        Response demoted = send("PUT", "/api/v1/users/" + id + "/role", adminToken(), "{\"role\":\"viewer\"}", "application/json");
        assertThat(demoted.status()).as(demoted.raw().body()).isEqualTo(200);

        Response r = post("/api/v1/auth/refresh", analyst, null);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        String refreshed = r.json().get("access_token").asText();
        assertThat(claims(refreshed).get("role").asText()).isEqualTo("viewer");
        assertError(post("/api/v1/alerts/999999/acknowledge", refreshed, null), 403, "forbidden");
        assertThat(get("/api/v1/alerts", refreshed).status()).isEqualTo(200);
    }

    @Test
    void aLoginLockDoesNotEndAWorkingSession() {
        String analyst = tokenFor("analyst");
        Response locked = null;
        for (int i = 0; i < AuthSettings.DEFAULT_MAX_FAILED_LOGINS; i++) {
            locked = post("/api/v1/auth/login", null, "{\"username\":\"analyst1\",\"password\":\"someone-guessing\"}");
        }
        assertError(locked, 401, "locked");

        Response r = post("/api/v1/auth/refresh", analyst, null);

        assertThat(r.status()).as("a guesser who trips the lock does not throw the working analyst out: " + r.raw().body()).isEqualTo(200);
        assertThat(get("/api/v1/risk/live", r.json().get("access_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void anAlertRaisedByABurstIsAcknowledgedThenResolvedAndAudited() {
        String analyst = tokenFor("analyst");
        StringBuilder burst = new StringBuilder();
        Instant t = Instant.now();
        for (int i = 0; i < 12; i++) {
            burst.append("""
                    {"event_id":"ack-%d","entity_id":"acct-ack","timestamp":"%s","type":"PAYMENT","amount":%d,"currency":"EUR","channel":"CARD_NOT_PRESENT","merchant_id":"m-x","merchant_category":"5999"}
                    """.formatted(i, t.plusSeconds(3L * i), 1 + i % 3));
        }
        assertThat(send("POST", "/api/v1/events", analyst, burst.toString(), "application/x-ndjson").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> openAlertIds(analyst, "acct-ack").size() == 1);
        long id = openAlertIds(analyst, "acct-ack").getFirst();

        Response acked = post("/api/v1/alerts/" + id + "/acknowledge", analyst, null);
        assertThat(acked.status()).as(acked.raw().body()).isEqualTo(200);
        assertThat(acked.json().get("status").asText()).isEqualToIgnoringCase("acknowledged");
        assertThat(acked.json().get("acknowledged_by").asText()).isEqualTo("analyst1");
        Response resolved = post("/api/v1/alerts/" + id + "/resolve", analyst, "{\"resolution\":\"confirmed_fraud\",\"note\":\"card testing\"}");
        assertThat(resolved.status()).as(resolved.raw().body()).isEqualTo(200);
        assertThat(resolved.json().get("status").asText()).isEqualToIgnoringCase("resolved");
        assertThat(openAlertIds(analyst, "acct-ack")).isEmpty();

        String admin = adminToken();
        assertThat(get("/api/v1/audit/logs?action=alert_acknowledged", admin).json().get("items")).hasSize(1);
        assertThat(get("/api/v1/audit/logs?action=alert_resolved", admin).json().get("items")).hasSize(1);
        assertThat(get("/api/v1/audit/verify", admin).json().get("result").asText()).isEqualTo("intact");
    }

    List<Long> openAlertIds(String token, String entity) {
        List<Long> ids = new java.util.ArrayList<>();
        for (String status : List.of("open", "acknowledged")) {
            get("/api/v1/alerts?status=" + status, token).json().get("items").forEach(a -> {
                if (a.get("entity_id").asText().equals(entity)) ids.add(a.get("id").asLong());
            });
        }
        return ids;
    }

    @Test
    void corsAnswersAnAllowedOriginAndNoOther() throws Exception {
        RiskPulseServer cors = new RiskPulseServer(engine, new ServerSettings(0, List.of("https://console.example.com"), 64 * 1024)).start(0);
        try {
            for (String origin : List.of("https://console.example.com", "https://evil.example.com")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + cors.port() + "/api/v1/health"))
                        .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                Optional<String> allowed = r.headers().firstValue("Access-Control-Allow-Origin");
                if (origin.contains("console")) assertThat(allowed).contains(origin); else assertThat(allowed).isEmpty();
            }
        } finally {
            cors.stop();
        }
    }

    // ---- /ws/risk-stream

    @Test
    void aWebSocketClientReceivesScoredEventsWithinASecondOfIngest() throws Exception {
        String token = tokenFor("analyst");
        WsClient client = WsClient.connect(server.port(), "?token=" + token, false);
        client.send("{\"type\":\"subscribe\",\"min_level\":\"low\",\"types\":[\"assessment\",\"alert\"]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.ofType("subscribed").isEmpty());

        Response r = post("/api/v1/events", token, event("ws-1"));
        assertThat(r.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(1)).until(() -> !client.ofType("assessment").isEmpty());
        JsonNode assessment = client.ofType("assessment").getFirst().get("data");
        assertThat(assessment.get("event_id").asText()).isEqualTo("ws-1");
        assertThat(assessment.get("entity_id").asText()).isEqualTo("acct-42");
        assertThat(assessment.has("risk_id")).isTrue();
        client.close();
    }

    @Test
    void aWebSocketClientIsToldOfAlertsRaisedByTheStreamWithinASecond() throws Exception {
        String token = tokenFor("analyst");
        WsClient client = WsClient.connect(server.port(), "?token=" + token, false);
        StringBuilder burst = new StringBuilder();
        Instant t = Instant.now();
        for (int i = 0; i < 12; i++) {
            burst.append("""
                    {"event_id":"ct-%d","entity_id":"acct-ct","timestamp":"%s","type":"PAYMENT","amount":%d,"currency":"EUR","channel":"CARD_NOT_PRESENT","merchant_id":"m-x","merchant_category":"5999"}
                    """.formatted(i, t.plusSeconds(3L * i), 1 + i % 3));
        }
        Response r = send("POST", "/api/v1/events", token, burst.toString(), "application/x-ndjson");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(1)).until(() -> client.ofType("alert").stream()
                .anyMatch(m -> m.path("change").asText().equals("raised") && m.path("data").path("entity_id").asText().equals("acct-ct")));
        client.close();
    }

    @Test
    void aWebSocketWithoutAValidTokenIsClosed() throws Exception {
        WsClient garbage = WsClient.connect(server.port(), "?token=not-a-token", false);
        assertThat(garbage.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);

        WsClient bare = WsClient.connect(server.port(), "", false); // the original system's JavaScript example
        await().atMost(Duration.ofSeconds(5)).until(() -> !bare.ofType("auth_required").isEmpty());
        bare.send("{\"type\":\"auth\",\"token\":\"forged\"}");
        assertThat(bare.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(bare.ofType("assessment")).isEmpty();
    }

    @Test
    void aTokenInTheFirstMessageOpensTheStream() throws Exception {
        String token = tokenFor("viewer");
        WsClient client = WsClient.connect(server.port(), "", false);
        client.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        client.send("{\"type\":\"subscribe\",\"min_level\":\"low\"}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.ofType("subscribed").isEmpty());
        post("/api/v1/events", adminToken(), event("ws-first-message"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !client.ofType("assessment").isEmpty());
        client.close();
    }

    @Test
    void aStalledWebSocketClientDoesNotDelayAnother() throws Exception {
        String token = tokenFor("analyst");
        String subscribe = "{\"type\":\"subscribe\",\"min_level\":\"low\",\"types\":[\"assessment\"]}";
        WsClient stalled = WsClient.connect(server.port(), "?token=" + token, true);
        stalled.send(subscribe);
        WsClient fast = WsClient.connect(server.port(), "?token=" + token, false);
        fast.send(subscribe);
        await().atMost(Duration.ofSeconds(5)).until(() -> !fast.ofType("subscribed").isEmpty());

        int events = 2_000;
        for (int batch = 0; batch < events; batch += 250) { // under the test server's 64 KiB body limit
            StringBuilder ndjson = new StringBuilder();
            for (int i = batch; i < batch + 250; i++) {
                ndjson.append("""
                        {"event_id":"s-%d","entity_id":"acct-%d","timestamp":"%s","type":"PAYMENT","amount":12.5,"currency":"EUR"}
                        """.formatted(i, i % 400, Instant.now()));
            }
            Response r = send("POST", "/api/v1/events", token, ndjson.toString(), "application/x-ndjson");
            assertThat(r.status()).as(r.raw().body()).isEqualTo(202);
        }

        // the fast client gets every assessment although the other reads nothing
        await().atMost(Duration.ofSeconds(15)).until(() -> fast.ofType("assessment").size() >= events);
        assertThat(stalled.ofType("assessment").size()).isLessThan(events);
        fast.close();
        stalled.close();
    }

    @Test
    void aMalformedNdjsonLineIsRejectedOnItsOwnAndTheOthersGoOn() {
        String token = adminToken();
        String body = event("nd-1") + "\n{\"event_id\": \"nd-2\", oops\n" + event("nd-3") + "\n";
        Response r = send("POST", "/api/v1/events", token, body, "application/x-ndjson");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json()).hasSize(3);
        assertThat(r.json().get(0).get("accepted").asBoolean()).isTrue();
        assertThat(r.json().get(1).get("accepted").asBoolean()).isFalse();
        assertThat(r.json().get(1).get("reason").asText()).startsWith("line 2: malformed JSON");
        assertThat(r.json().get(2).get("accepted").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.assessments().byEventId("nd-3").isPresent()
                && engine.assessments().byEventId("nd-1").isPresent());
    }
}
