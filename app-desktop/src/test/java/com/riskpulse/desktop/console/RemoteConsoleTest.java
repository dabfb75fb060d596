package com.riskpulse.desktop.console;

import com.riskpulse.desktop.remote.RemoteRiskClient;
import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.Connection;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;

import com.riskpulse.desktop.testing.TestEngine;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The console on "Server": a real RiskPulse server over the test's engine, reached over HTTP and WebSocket. */
class RemoteConsoleTest extends ConsoleContract {

    private RiskPulseServer server;

    @Override
    protected void startServing() {
        server = new RiskPulseServer(engine.engine(), new ServerSettings(0, List.of(), 64 * 1024)).start(0);
    }

    @Override
    protected void stopServing() {
        if (server != null) server.stop();
    }

    protected String url() {
        return "http://localhost:" + server.port();
    }

    @Test
    void aDroppedConnectionIsShownAsReconnectingAndTheStreamComesBack() throws Exception {
        engine.startSimulator(50);
        logIn(TestEngine.ADMIN, TestEngine.ADMIN_PASSWORD);
        await().atMost(WAIT).until(() -> label("#connectionLabel").getText().equals("Connected"));
        int port = server.port();

        server.stop();
        await().atMost(WAIT).until(() -> label("#connectionLabel").getText().startsWith("Reconnecting"));
        assertThat(lookup("#connectionLabel").query().getStyleClass()).contains("state-reconnecting");

        server = new RiskPulseServer(engine.engine(), new ServerSettings(port, List.of(), 64 * 1024)).start(port);
        await().atMost(WAIT).until(() -> label("#connectionLabel").getText().equals("Connected"));
        TableView<?> feed = lookup("#feedTable").queryTableView();
        int before = onFx(() -> feed.getItems().size());
        engine.ordinaryTraffic(5);
        await().atMost(WAIT).until(() -> onFx(() -> feed.getItems().size()) > before || before >= 200);
    }

    @Override
    protected Connection connection() {
        return new Connection.Server(url());
    }

    @Override
    protected ClientFactory clients() {
        return c -> new RemoteRiskClient(((Connection.Server) c).url());
    }
}
