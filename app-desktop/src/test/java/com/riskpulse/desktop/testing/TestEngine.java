package com.riskpulse.desktop.testing;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.config.Environment;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real engine for console tests: embedded mode on an H2 file in a temporary data folder, fast password hashing,
 * the first admin created (unless asked not to), and an {@link EmbeddedRiskClient} over it. The simulator is off:
 * tests feed events themselves, or start it at a chosen rate.
 */
public final class TestEngine implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-123";
    public static final String SECRET_KEY = "console-test-secret-key-long-enough-for-hs256-0123456789abcdef";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final RiskEngine engine;
    private final EmbeddedRiskClient client;

    private TestEngine(Path dataDir, boolean withAdmin, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:h2:file:" + dataDir.resolve("riskpulse"));
        env.put("RISKPULSE_DATA_DIR", dataDir.toString());
        env.put("BCRYPT_COST", "4");
        env.put("SECRET_KEY", SECRET_KEY);
        env.putAll(extra);
        engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC());
        if (withAdmin) engine.users().bootstrapAdmin(Optional.of(ADMIN_PASSWORD));
        client = new EmbeddedRiskClient(engine, false, Clock.systemUTC());
    }

    /** An engine with the first admin, and its client (not logged in). */
    public static TestEngine start(Path dataDir) {
        return new TestEngine(dataDir, true, Map.of());
    }

    /** A fresh installation: no account yet. */
    public static TestEngine fresh(Path dataDir) {
        return new TestEngine(dataDir, false, Map.of());
    }

    public static TestEngine start(Path dataDir, Map<String, String> environment) {
        return new TestEngine(dataDir, true, environment);
    }

    public RiskEngine engine() {
        return engine;
    }

    /** The embedded client, not logged in. */
    public EmbeddedRiskClient client() {
        return client;
    }

    /** The embedded client, logged in as the admin. */
    public EmbeddedRiskClient admin() {
        client.login(ADMIN, ADMIN_PASSWORD);
        return client;
    }

    /**
     * Feeds a card-testing burst for {@code entity} (ten days of a quiet habit, then ten tiny card-not-present
     * payments seconds apart): the burst scores HIGH or above and raises an alert for the entity.
     */
    public void cardTestingBurst(String entity) {
        Instant t = Instant.now().minus(Duration.ofDays(10));
        for (int day = 0; day < 10; day++) {
            for (int i = 0; i < 3; i++) {
                submit(RiskEvent.builder("h-" + SEQUENCE.incrementAndGet(), entity, t.plus(Duration.ofDays(day)).plus(Duration.ofHours(3L * i)),
                        EventType.PAYMENT).amount(30 + i).currency("EUR").channel(Channel.CARD_PRESENT).merchant("m-1", "5411")
                        .country("DE").device("d-1").build());
            }
        }
        Instant burst = Instant.now();
        for (int i = 0; i < 10; i++) {
            submit(RiskEvent.builder("b-" + SEQUENCE.incrementAndGet(), entity, burst.plusSeconds(4L * i), EventType.PAYMENT)
                    .amount(1 + i % 3).currency("EUR").channel(Channel.CARD_NOT_PRESENT).merchant("m-shop", "5999")
                    .country("DE").device("d-1").build());
        }
    }

    /** Feeds {@code n} ordinary payments spread over a few entities, timestamped now: they score low. */
    public void ordinaryTraffic(int n) {
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            submit(RiskEvent.builder("o-" + SEQUENCE.incrementAndGet(), "acct-" + (i % 7), now.minusMillis(n - i), EventType.PAYMENT)
                    .amount(20 + i % 50).currency("EUR").channel(Channel.CARD_PRESENT).merchant("m-" + (i % 5), "5411")
                    .country("DE").device("d-" + (i % 7)).build());
        }
    }

    /** Starts the built-in simulator at this rate (it stops with the engine). */
    public void startSimulator(double eventsPerSecond) {
        engine.startSimulator(eventsPerSecond);
    }

    private void submit(RiskEvent event) {
        try {
            engine.pipeline().submit(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while feeding the engine", e);
        }
    }

    @Override
    public void close() {
        client.close();
        engine.close();
    }
}
