package com.riskpulse.desktop.start;

import com.riskpulse.desktop.remote.RemoteRiskClient;
import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;
import com.riskpulse.engine.storage.DatabaseSettings;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The console's real clients: "This computer" starts a {@link RiskEngine} in embedded mode from the environment and
 * {@code .env} (H2 in the data folder, the simulator on unless {@code SIMULATOR_ENABLED=false}); "Server" reaches a
 * headless server over HTTP and WebSocket.
 */
public final class StandardClients implements ClientFactory {

    private final Environment environment;
    private final Clock clock;

    public StandardClients(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    public static StandardClients fromProcess() {
        return new StandardClients(Environment.fromProcess(), Clock.systemUTC());
    }

    /** The per-user data folder ({@code RISKPULSE_DATA_DIR}, default {@code ~/.riskpulse}). */
    public Path dataDir() {
        return DatabaseSettings.dataDir(environment.asMap(), System.getProperties());
    }

    @Override
    public RiskClient open(Connection connection) {
        return switch (connection) {
            case Connection.ThisComputer here -> embedded();
            case Connection.Server server -> remote(server.url());
        };
    }

    private RiskClient embedded() {
        RiskEngine engine = RiskEngine.start(environment, RiskEngine.Mode.EMBEDDED, clock);
        try {
            // an operator may preset the first admin's password; otherwise the console asks for it
            environment.string(EnvironmentVariable.ADMIN_PASSWORD).ifPresent(p -> engine.users().bootstrapAdmin(java.util.Optional.of(p)));
            engine.startSimulatorIfEnabled(environment, true);
            engine.startKafkaIfConfigured(environment);
            return new EmbeddedRiskClient(engine, true, clock);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** Reaches the server once (health) so that a wrong URL is said at once, not at log-in. */
    private RiskClient remote(String url) {
        RemoteRiskClient client = new RemoteRiskClient(url);
        try {
            client.health();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }
}
