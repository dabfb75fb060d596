package com.riskpulse.desktop.remote;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/** The contract against a real server on a free port, plus what only a remote client meets: URLs, outages, reconnects. */
class RemoteRiskClientTest extends RiskClientContract {

    RiskPulseServer server;
    int port;

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
        return new RemoteRiskClient("http://localhost:" + port + "/", Duration.ofSeconds(2), Duration.ofSeconds(20));
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
}
