package com.riskpulse.desktop.remote;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.TokenService;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The contract against a real server on a free port, plus what only a remote client meets: URLs, outages, reconnects,
 * tokens that expire. The server's engine and the clients share a {@link ShiftedClock}, so an hour passes at once.
 */
class RemoteRiskClientTest extends RiskClientContract {

    RiskPulseServer server;
    int port;
    final ShiftedClock clock = new ShiftedClock();

    @Override
    protected Clock engineClock() {
        return clock;
    }

    @Override
    protected RiskEngine.Mode mode() {
        return RiskEngine.Mode.SERVER;
    }

    @Override
    protected void engineStarted() {
        engine.users().bootstrapAdmin(Optional.of(ADMIN_PASSWORD)); // the server's operator, ADMIN_PASSWORD
        server = newServer().start(0);
        port = server.port();
    }

    @Override
    protected void engineStopping() {
        if (server != null) server.stop();
    }

    private RiskPulseServer newServer() {
        return new RiskPulseServer(engine, new ServerSettings(0, List.of(), 64 * 1024));
    }

    @Override
    protected RiskClient openClient() {
        return remoteClient(RemoteRiskClient.REFRESH_CHECK);
    }

    /** A client on the shared clock whose background refresh check runs every {@code check}. */
    private RemoteRiskClient remoteClient(Duration check) {
        return new RemoteRiskClient("http://localhost:" + port + "/", Duration.ofSeconds(2), Duration.ofSeconds(20), clock, check);
    }

    /** What the server makes of a token now. */
    private TokenService.Verification verdict(String token) {
        return engine.tokens().verify(token);
    }

    private static void assertExpired(TokenService.Verification verdict) {
        assertThat(verdict).isInstanceOfSatisfying(TokenService.Invalid.class,
                invalid -> assertThat(invalid.reason()).isEqualTo(TokenService.Reason.EXPIRED));
    }

    @Test
    void theUrlIsCheckedAndNamedWithoutItsTrailingSlash() {
        assertThat(client.kind()).isEqualTo(RiskClient.Kind.REMOTE);
        assertThat(client.location()).isEqualTo("http://localhost:" + port);
        for (String bad : new String[] {"", "localhost:8000", "ftp://example.com", "http://", "https://host:8443/?x=1"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new RemoteRiskClient(bad)).withMessageContaining("URL");
        }
        try (RemoteRiskClient https = new RemoteRiskClient("https://risk.example.com//")) {
            assertThat(https.location()).isEqualTo("https://risk.example.com");
        }
    }

    @Test
    void theServersFirstAdminIsCreatedByItsOperatorNotByTheConsole() {
        assertThat(client.needsFirstAdmin()).isFalse();
        RiskClientException e = refused(() -> client.createFirstAdmin(ADMIN_PASSWORD), 409, "conflict");
        assertThat(e.getMessage()).contains("operator").contains("ADMIN_PASSWORD");
    }

    @Test
    void aServerThatCannotBeReachedIs503UnreachableNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (RemoteRiskClient nowhere = new RemoteRiskClient("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1), Duration.ofSeconds(2))) {
            RiskClientException e = refused(() -> nowhere.login("admin", ADMIN_PASSWORD), 503, "unreachable");
            assertThat(e.getMessage()).contains("http://127.0.0.1:" + closedPort);
            refused(nowhere::health, 503, "unreachable");
        }
    }

    @Test
    void anErrorBodyThatIsNotTheApisStillReadsAsAMessageWithTheStatus() {
        ApiError html = HttpApi.error(502, "GET", "/risk/live", "<html><body>Bad gateway</body></html>");
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.code()).isEqualTo("unavailable");
        assertThat(html.message()).contains("502").contains("/api/v1/risk/live").contains("Bad gateway");
        ApiError empty = HttpApi.error(403, "POST", "/users", "");
        assertThat(empty.code()).isEqualTo("forbidden");
        assertThat(empty.message()).contains("403");
        ApiError api = HttpApi.error(409, "PUT", "/config", "{\"status\":409,\"code\":\"conflict\",\"message\":\"changed meanwhile\"}");
        assertThat(api).isEqualTo(ApiError.of(409, "conflict", "changed meanwhile"));
    }

    @Test
    void theLiveStreamReconnectsWhenTheServerComesBackAndDeliversAgain() throws Exception {
        loginAsAdmin(client);
        LiveRecorder live = new LiveRecorder();
        try (AutoCloseable subscription = client.subscribe(live)) {
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);

            server.stop();
            await().atMost(WAIT).until(() -> live.last == ConnectionState.RECONNECTING);
            assertThat(client.connectionState()).isEqualTo(ConnectionState.RECONNECTING);
            // while the server is away the client keeps trying: more than one RECONNECTING, each with its reason
            await().atMost(WAIT).until(() -> live.connection.stream().filter(s -> s.startsWith("RECONNECTING")).count() >= 2);

            server = newServer().start(port);
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            assertThat(client.connectionState()).isEqualTo(ConnectionState.CONNECTED);

            var event = payments("acct-back", 1).getFirst();
            ingest(List.of(event));
            await().atMost(WAIT).until(() -> live.saw(event.eventId()));
        }
        await().atMost(WAIT).until(() -> live.last == ConnectionState.DISCONNECTED);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void aSessionTheServerNoLongerAcceptsEndsTheStreamWithItsReasonInsteadOfRetrying() {
        loginAsAdmin(client);
        RiskClient analyst = loggedInAs("analyst");
        LiveRecorder live = new LiveRecorder();
        analyst.subscribe(live);
        await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);

        UserView account = client.users().stream().filter(u -> u.username().equals("analyst1")).findFirst().orElseThrow();
        client.disableUser(account.id());
        server.stop(); // the open connection drops; reconnecting presents the token of a disabled account: 1008
        server = newServer().start(port);

        await().atMost(WAIT).until(() -> live.last == ConnectionState.DISCONNECTED);
        assertThat(live.connection).last().asString().startsWith("DISCONNECTED").contains("token");
        assertThat(analyst.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void loggingOutEndsTheLiveStream() {
        loginAsAdmin(client);
        LiveRecorder live = new LiveRecorder();
        client.subscribe(live);
        await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
        client.logout();
        assertThat(live.last).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(client.connectionState()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    // ---- tokens that expire

    @Test
    void aTokenIsRefreshedWhenAQuarterOfItsLifeOrFiveMinutesIsLeft() {
        assertThat(RemoteRiskClient.margin(Duration.ofMinutes(60))).isEqualTo(Duration.ofMinutes(5));
        assertThat(RemoteRiskClient.margin(Duration.ofMinutes(20))).isEqualTo(Duration.ofMinutes(5));
        assertThat(RemoteRiskClient.margin(Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(2));
        assertThat(RemoteRiskClient.margin(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aSessionInUseOutlivesItsFirstTokenForAWholeShiftWithoutThePassword() {
        loginAsAdmin(client);
        client.createUser("analyst1", "analyst1@example.com", "password-for-analyst", "analyst");
        try (RemoteRiskClient analyst = remoteClient(Duration.ofHours(1))) { // no background check: the calls refresh
            analyst.login("analyst1", "password-for-analyst");
            String first = analyst.token();

            clock.advance(Duration.ofMinutes(30));
            assertThat(analyst.latest(5)).isNotNull();
            assertThat(analyst.token()).as("half an hour left: not refreshed yet").isEqualTo(first);

            Set<String> tokens = new HashSet<>(Set.of(first));
            for (int call = 0; call < 9; call++) { // eight and a half hours, a call each time the token has under 5 minutes
                clock.advance(Duration.ofMinutes(call == 0 ? 26 : 56));
                assertThat(analyst.latest(5)).isNotNull();
                assertThat(tokens.add(analyst.token())).as("a new token before call " + call).isTrue();
                assertThat(verdict(analyst.token())).isInstanceOf(TokenService.Valid.class);
            }
            assertExpired(verdict(first));
            assertThat(analyst.currentUser()).map(UserView::username).contains("analyst1");
        }
    }

    @Test
    void callsThatFindTheTokenDueTogetherRefreshItOnce() throws Exception {
        try (RemoteRiskClient analyst = remoteClient(Duration.ofHours(1))) {
            analyst.login("admin", ADMIN_PASSWORD);
            String first = analyst.token();
            clock.advance(Duration.ofMinutes(56));

            int calls = 8;
            var start = new java.util.concurrent.CountDownLatch(1);
            try (var workers = java.util.concurrent.Executors.newFixedThreadPool(calls)) {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    done.add(workers.submit(() -> {
                        start.await();
                        return analyst.latest(5);
                    }));
                }
                start.countDown();
                for (var call : done) assertThat(call.get()).isNotNull();
            }

            assertThat(analyst.token()).isNotEqualTo(first);
            assertThat(refreshesSeenByTheServer()).isEqualTo(1);
        }
    }

    /** The server's own count of answered refreshes, from its Prometheus metrics. */
    private double refreshesSeenByTheServer() throws Exception {
        String series = "http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/auth/refresh\",status=\"200\"} ";
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            String text = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return text.lines().filter(l -> l.startsWith(series)).mapToDouble(l -> Double.parseDouble(l.substring(series.length()).trim()))
                    .findFirst().orElse(0);
        }
    }

    @Test
    void aConsoleThatOnlyWatchesTheLiveStreamIsRefreshedInTheBackgroundAndReconnectsWithTheNewToken() {
        try (RemoteRiskClient watcher = remoteClient(Duration.ofMillis(20))) {
            watcher.login("admin", ADMIN_PASSWORD);
            LiveRecorder live = new LiveRecorder();
            watcher.subscribe(live);
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            String first = watcher.token();

            clock.advance(Duration.ofMinutes(56));
            await().atMost(WAIT).until(() -> !first.equals(watcher.token()));
            clock.advance(Duration.ofMinutes(30));
            assertExpired(verdict(first));

            server.stop(); // the stream drops; reconnecting with the first token would be refused (1008) and end it
            await().atMost(WAIT).until(() -> live.last == ConnectionState.RECONNECTING);
            server = newServer().start(port);
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            assertThat(live.connection).noneMatch(change -> change.startsWith("DISCONNECTED"));
        }
    }

    @Test
    void aRefreshTheServerRefusesEndsTheSessionWithA401GivingItsReason() {
        loginAsAdmin(client);
        UserView account = client.createUser("analyst1", "analyst1@example.com", "password-for-analyst", "analyst");
        try (RemoteRiskClient analyst = remoteClient(Duration.ofHours(1))) {
            analyst.login("analyst1", "password-for-analyst");
            LiveRecorder live = new LiveRecorder();
            analyst.subscribe(live);
            await().atMost(WAIT).until(() -> live.last == ConnectionState.CONNECTED);
            client.disableUser(account.id());
            clock.advance(Duration.ofMinutes(56));

            // the 401 the console turns into "Your session has ended (...). Log in again."
            RiskClientException e = refused(() -> analyst.latest(5), 401, "unauthorized");
            assertThat(e.getMessage()).contains("analyst1", "disabled");
            // the live stream, which the server does not cut, ends with the same reason
            assertThat(live.last).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(live.connection).last().asString().contains("disabled");
            // and every later call answers the same, without asking the server again
            assertThat(refused(() -> analyst.riskStats(Duration.ofHours(1)), 401, "unauthorized").getMessage()).contains("disabled");
            refused(() -> analyst.subscribe(new LiveRecorder()), 401, "unauthorized");
        }
    }

    @Test
    void aTokenThatExpiredWhileTheComputerSleptIsNotRevived() {
        try (RemoteRiskClient analyst = remoteClient(Duration.ofHours(1))) {
            analyst.login("admin", ADMIN_PASSWORD);
            clock.advance(Duration.ofHours(2));

            RiskClientException e = refused(() -> analyst.latest(5), 401, "unauthorized");

            assertThat(e.getMessage()).contains("expired");
        }
    }
}
