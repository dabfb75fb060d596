package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.replay.CollectingContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator as a pipeline source: same events as the iterator, paced by event time, stoppable. */
class SimulatorSourceTest {

    @Test
    void unpacedRunEmitsTheIteratorsEventsAndReturnsAtTheBudget() throws Exception {
        SimulatorSettings settings = SimulatorSettings.unpaced(21, 5_000);
        CollectingContext context = new CollectingContext();
        Simulator simulator = new Simulator(settings);

        simulator.run(context);

        assertThat(context.events()).isEqualTo(Simulator.events(settings).toList());
        assertThat(simulator.emitted()).isEqualTo(5_000);
        assertThat(simulator.name()).isEqualTo("simulator");
    }

    @Test
    void runReturnsSoonAfterThePipelineStops() throws Exception {
        CollectingContext context = new CollectingContext(500);

        new Simulator(SimulatorSettings.unpaced(21, 0)).run(context);

        assertThat(context.events()).hasSize(500);
    }

    @Test
    void pacingFollowsEventTime() throws Exception {
        // 50 busy entities at 100 events/s: the first 200 events span about two seconds of event time
        SimulatorSettings settings = SimulatorSettings.unpaced(5, 200).withEntities(50).withEventsPerSecond(100)
                .withStart(SimulatorSettings.DEFAULT_START.plusSeconds(18 * 3_600));
        List<RiskEvent> expected = Simulator.events(settings).toList();
        long spanMillis = expected.getLast().epochMillis() - expected.getFirst().epochMillis();
        assertThat(spanMillis).isBetween(1_000L, 4_000L);

        long realTime = timeRun(settings.withSpeedFactor(1));
        long fourTimes = timeRun(settings.withSpeedFactor(4));

        assertThat(realTime).isGreaterThanOrEqualTo(spanMillis * 3 / 4);
        assertThat(fourTimes).isGreaterThanOrEqualTo(spanMillis / 4 * 3 / 4).isLessThan(realTime);
    }

    @Test
    void aPacedRunWaitingForItsNextEventStopsWhenThePipelineStops() {
        // one entity at one event an hour, in real time: the second event is far away
        SimulatorSettings settings = SimulatorSettings.defaults().withEntities(1).withEventsPerSecond(1.0 / 3_600)
                .withSpeedFactor(1).withFraudRate(0);
        CollectingContext context = new CollectingContext();
        Thread source = Thread.ofPlatform().start(() -> {
            try {
                new Simulator(settings).run(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> context.events().size() == 1);
        context.stop();

        await().atMost(Duration.ofSeconds(2)).until(() -> !source.isAlive());
        assertThat(context.events()).hasSize(1);
    }

    private static long timeRun(SimulatorSettings settings) throws InterruptedException {
        CollectingContext context = new CollectingContext();
        long started = System.nanoTime();
        new Simulator(settings).run(context);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(context.events()).hasSize(200);
        return millis;
    }
}
