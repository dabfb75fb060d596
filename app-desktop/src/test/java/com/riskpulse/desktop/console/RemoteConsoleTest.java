package com.riskpulse.desktop.console;

import com.riskpulse.desktop.remote.RemoteRiskClient;
import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.Connection;
import com.riskpulse.server.RiskPulseServer;
import com.riskpulse.server.http.ServerSettings;

import java.util.List;

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

    @Override
    protected Connection connection() {
        return new Connection.Server(url());
    }

    @Override
    protected ClientFactory clients() {
        return c -> new RemoteRiskClient(((Connection.Server) c).url());
    }
}
