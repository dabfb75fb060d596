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
            System.err.println("usage: riskpulse-server [--port <port>] [--tls-keystore <file.p12> [--tls-port <port>]]   (environment: DATABASE_URL, SECRET_KEY, DEBUG, CORS_ORIGINS, ADMIN_PASSWORD, METRICS_TOKEN, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, TLS_PORT, LOG_LEVEL, ...)");
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
        engine.startKafkaIfConfigured(env); // when KAFKA_BOOTSTRAP_SERVERS is set
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            engine.close();
            stopped.countDown();
        }, "riskpulse-shutdown"));
        System.out.println("RiskPulse server listening on http://localhost:" + server.port() + RiskPulseServer.API
                + (settings.tls().isPresent() ? " and https://localhost:" + server.tlsPort() + RiskPulseServer.API : ""));
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
                case "--tls-keystore", "--tls-port" -> {
                    String flag = args[i];
                    if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
                    String value = args[++i];
                    ServerSettings.Tls tls = s.tls().orElse(null);
                    if (flag.equals("--tls-keystore")) {
                        String password = System.getenv("TLS_KEYSTORE_PASSWORD");
                        if (password == null && tls == null) throw new IllegalArgumentException("--tls-keystore needs TLS_KEYSTORE_PASSWORD in the environment");
                        s = s.withTls(new ServerSettings.Tls(java.nio.file.Path.of(value), tls == null ? password : tls.password(),
                                tls == null ? ServerSettings.DEFAULT_TLS_PORT : tls.port()));
                    } else {
                        if (tls == null) throw new IllegalArgumentException("--tls-port needs a keystore: --tls-keystore or TLS_KEYSTORE first");
                        try {
                            s = s.withTls(new ServerSettings.Tls(tls.keystore(), tls.password(), Integer.parseInt(value)));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--tls-port: '" + value + "' is not a port number");
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return s;
    }
}
