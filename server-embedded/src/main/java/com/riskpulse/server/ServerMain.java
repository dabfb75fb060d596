package com.riskpulse.server;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.user.BootstrapOutcome;
import com.riskpulse.server.http.ServerSettings;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The headless server: {@code java ... ServerMain [--port 8000]}. Settings come from the seed's environment
 * variables and {@code .env} ({@code DATABASE_URL}, {@code SECRET_KEY}, {@code DEBUG}, {@code CORS_ORIGINS}, ...).
 * Refuses to start outside DEBUG without a real {@code SECRET_KEY}. On SIGTERM it stops HTTP, then closes the
 * engine (which drains the pipeline to storage).
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Environment env = Environment.fromProcess();
        ServerSettings settings;
        try {
            settings = settings(args, ServerSettings.fromEnvironment(env));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: riskpulse-server [--port <port>]   (environment: DATABASE_URL, SECRET_KEY, DEBUG, CORS_ORIGINS, ADMIN_PASSWORD, ...)");
            System.exit(2);
            return;
        }
        RiskEngine engine;
        try {
            engine = RiskEngine.start(env, RiskEngine.Mode.SERVER, Clock.systemUTC());
        } catch (RuntimeException e) {
            System.err.println("RiskPulse server cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        switch (engine.users().bootstrapAdmin(env.string("ADMIN_PASSWORD").filter(p -> !p.isBlank()))) {
            case BootstrapOutcome.Created(var admin, Optional<String> oneTime) when oneTime.isPresent() ->
                    System.out.println("first admin created: user '" + admin.username() + "', one-time password: " + oneTime.get()
                            + "  (shown once; change it after logging in)");
            case BootstrapOutcome.Created created -> System.out.println("first admin created from ADMIN_PASSWORD: user 'admin'");
            case BootstrapOutcome.AlreadyInitialised ignored -> { }
        }
        RiskPulseServer server = new RiskPulseServer(engine, settings).start();
        engine.startSimulatorIfEnabled(env, false); // off on a server unless SIMULATOR_ENABLED=true
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            engine.close();
            stopped.countDown();
        }, "riskpulse-shutdown"));
        System.out.println("RiskPulse server listening on http://localhost:" + server.port() + RiskPulseServer.API);
        stopped.await();
    }

    /** Command-line flags over the environment's settings. */
    static ServerSettings settings(String[] args, ServerSettings base) {
        ServerSettings s = base;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    if (i + 1 >= args.length) throw new IllegalArgumentException("--port needs a value");
                    try {
                        s = s.withPort(Integer.parseInt(args[++i]));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port: '" + args[i] + "' is not a port number");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return s;
    }
}
