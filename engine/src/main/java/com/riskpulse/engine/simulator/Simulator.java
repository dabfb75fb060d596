package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.stream.Pacer;
import com.riskpulse.engine.stream.EventSource;
import com.riskpulse.engine.stream.SourceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A realistic, seeded stream of payments, transfers and logins from thousands of simulated accounts,
 * with fraud scenarios injected and labelled (see {@link ScenarioType}). The same settings give the same
 * events, ids and timestamps included; nothing in the content depends on the wall clock.
 *
 * <p>Field conventions: amounts are in the account's currency; {@code country} is where the cardholder
 * (or whoever uses the credentials) is: the shop for card-present payments, the address's location
 * otherwise; for transfers and deposits {@code merchant_id} holds the payee or payer account.
 *
 * <p>As a source it paces itself by event time ({@link SimulatorSettings#speedFactor()}); tests and
 * benchmarks pull the unpaced {@link #events(SimulatorSettings)} instead.
 */
public final class Simulator implements EventSource {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorSettings settings;
    private final AtomicLong emitted = new AtomicLong();

    public Simulator(SimulatorSettings settings) {
        this.settings = settings;
    }

    /** The run's events in order, unpaced; unbounded unless {@code maxEvents} is set, so limit it. */
    public static Stream<RiskEvent> events(SimulatorSettings settings) {
        Spliterator<RiskEvent> spliterator = Spliterators.spliteratorUnknownSize(new EventGenerator(settings),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    public SimulatorSettings settings() {
        return settings;
    }

    /** Events handed to the pipeline by the current or last run. */
    public long emitted() {
        return emitted.get();
    }

    @Override
    public String name() {
        return "simulator";
    }

    /** Each call replays the run from its start: the same events again. */
    @Override
    public void run(SourceContext context) throws InterruptedException {
        log.info("{}: seed {}, {} entities, {} events/s of event time, speed {}, from {}, fraud rate {}, {}",
                name(), settings.seed(), settings.entities(), settings.eventsPerSecond(),
                settings.paced() ? settings.speedFactor() + "x" : "unpaced", settings.start(), settings.fraudRate(),
                settings.bounded() ? settings.maxEvents() + " events" : "unbounded");
        emitted.set(0);
        EventGenerator generator = new EventGenerator(settings);
        Pacer pacer = new Pacer(settings.speedFactor());
        while (context.running() && generator.hasNext()) {
            RiskEvent event = generator.next();
            if (!pacer.await(event.epochMillis(), context::running)) break;
            context.emit(event);
            emitted.incrementAndGet();
        }
        log.info("{}: stopped after {} events", name(), emitted.get());
    }
}
