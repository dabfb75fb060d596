package com.riskpulse.engine;

import com.riskpulse.engine.config.Environment;
import com.riskpulse.engine.config.EnvironmentVariable;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.user.BootstrapOutcome;
import com.riskpulse.engine.simulator.Simulator;
import com.riskpulse.engine.simulator.SimulatorSettings;
import com.riskpulse.engine.stream.Pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The engine on its own, in embedded mode: the simulator feeds the pipeline, assessments go to the
 * database ({@code DATABASE_URL}, or H2 in the data folder), high-risk ones raise alerts, and a summary
 * line is printed every second. On an empty database the first admin is created (ADMIN_PASSWORD, or a
 * printed one-time password).
 * Stops after {@code --duration} seconds, or on Ctrl-C, draining what was accepted into storage.
 */
public final class RiskPulseEngineMain {

    private RiskPulseEngineMain() {
    }

    public static void main(String[] args) throws Exception {
        // the engine is a library too: its logging setup is named, not logback.xml, so it never shadows an application's
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "riskpulse-engine-logback.xml");
        }
        EngineMainOptions options;
        try {
            options = EngineMainOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("riskpulse: " + e.getMessage());
            System.err.println(EngineMainOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(EngineMainOptions.USAGE);
            return;
        }
        SimulatorSettings simulation = options.simulator().withStart(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Environment env = Environment.fromProcess();
        try (RiskEngine engine = RiskEngine.start(env, RiskEngine.Mode.EMBEDDED, Clock.systemUTC())) {
            announceFirstAdmin(engine.users().bootstrapAdmin(env.string(EnvironmentVariable.ADMIN_PASSWORD)));
            System.out.printf("RiskPulse engine: %s, configuration v%d, simulator seed %d, %,d entities, %.0f events/s on a day's average%n",
                    engine.database(), engine.config().current().version(), simulation.seed(), simulation.entities(),
                    simulation.eventsPerSecond());
            Pipeline pipeline = engine.pipeline();
            LiveSummary summary = new LiveSummary(pipeline, System.out);
            pipeline.subscribe(summary);
            engine.alertPolicy().subscribe(summary::onAlertChange);
            Thread shutdown = new Thread(() -> stop(pipeline, summary), "riskpulse-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            engine.startKafkaIfConfigured(env); // alongside the simulator, when KAFKA_BOOTSTRAP_SERVERS is set
            Thread source = pipeline.addSource(new Simulator(simulation));
            summary.printEverySecondUntil(source, options.duration());
            stop(pipeline, summary);
            Runtime.getRuntime().removeShutdownHook(shutdown);
            System.out.printf("stopped: %s%n", pipeline.stats());
        }
    }

    private static void announceFirstAdmin(BootstrapOutcome outcome) {
        if (outcome instanceof BootstrapOutcome.Created created) {
            created.oneTimePassword().ifPresentOrElse(
                    password -> System.out.printf("first start: created user '%s' (admin) with the one-time password %s%n",
                            created.admin().username(), password),
                    () -> System.out.printf("first start: created user '%s' (admin) with ADMIN_PASSWORD%n", created.admin().username()));
        }
    }

    private static void stop(Pipeline pipeline, LiveSummary summary) {
        summary.stop();
        try {
            pipeline.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command-line options of the engine main job. */
    record EngineMainOptions(SimulatorSettings simulator, Duration duration, boolean help) {

        static final String USAGE = """
                usage: riskpulse-engine [--seed N] [--entities N] [--rate EVENTS_PER_SECOND] [--speed FACTOR]
                                        [--fraud-rate SHARE] [--duration SECONDS]
                  --seed        simulator seed (default: the current time, so each run is new)
                  --entities    simulated accounts (default 5000)
                  --rate        events per second, averaged over a day (default 200; customers sleep at night)
                  --fraud-rate  share of sessions replaced by a fraud scenario (default 0.002)
                  --duration    stop after this many seconds (default: run until Ctrl-C)
                environment: DATABASE_URL (default: H2 in ~/.riskpulse or RISKPULSE_DATA_DIR)""";

        static EngineMainOptions parse(String[] args) {
            SimulatorSettings s = SimulatorSettings.defaults().withSeed(System.currentTimeMillis());
            double rate = 200;
            Duration duration = Duration.ZERO;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) return new EngineMainOptions(s, duration, true);
                if (i + 1 >= args.length) throw new IllegalArgumentException(flag + " needs a value");
                String value = args[++i];
                try {
                    switch (flag) {
                        case "--seed" -> s = s.withSeed(Long.parseLong(value));
                        case "--entities" -> s = s.withEntities(Integer.parseInt(value));
                        case "--rate" -> rate = Double.parseDouble(value);
                        case "--fraud-rate" -> s = s.withFraudRate(Double.parseDouble(value));
                        case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                        default -> throw new IllegalArgumentException("unknown option " + flag);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(flag + ": '" + value + "' is not a number");
                }
            }
            if (!(rate > 0)) throw new IllegalArgumentException("--rate must be positive, got " + rate);
            // real time: event timestamps follow the wall clock, as a live source's would; the simulated
            // customers keep their daily rhythm, so the rate is a day's average (quieter at their night)
            s = s.withEventsPerSecond(rate).withSpeedFactor(1);
            return new EngineMainOptions(s, duration, false);
        }
    }

    static String levelName(RiskLevel level) {
        return level.name().charAt(0) + level.name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
