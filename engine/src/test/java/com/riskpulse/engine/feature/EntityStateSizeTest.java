package com.riskpulse.engine.feature;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feature state is bounded per entity: its size after a hundred events equals its size after ten
 * thousand. The figure itself is printed and recorded in docs/benchmarks.md.
 */
class EntityStateSizeTest {

    @Test
    void stateDoesNotGrowWithTheNumberOfEvents() {
        EntityState state = new EntityState();
        FeatureExtractor extractor = new FeatureExtractor(Duration.ofMinutes(5));
        Instant t = Instant.parse("2026-11-26T00:00:00Z");

        feed(extractor, state, t, 0, 100);
        long after100 = deepSize(state);
        feed(extractor, state, t, 100, 10_000);
        long after10k = deepSize(state);

        System.out.printf("EntityState: %d bytes after 100 events, %d bytes after 10,000 events%n", after100, after10k);
        assertThat(after10k).isEqualTo(after100);
        assertThat(after10k).as("bytes per entity").isLessThan(2_048);
    }

    private static void feed(FeatureExtractor extractor, EntityState state, Instant t, int from, int to) {
        for (int i = from; i < to; i++) {
            // every event brings a new device, country-ish, payee and id: the worst case for growth
            extractor.apply(state, RiskEvent.builder("e-" + i, "acct-1", t.plus(Duration.ofSeconds(37L * i)), EventType.PAYMENT)
                    .amount(10 + i % 50).channel(Channel.CARD_NOT_PRESENT).device("d-" + i).country(i % 2 == 0 ? "DE" : "FR")
                    .merchant("m-" + i, "5999").build());
        }
    }

    private static long deepSize(EntityState state) {
        // lastCountry points at a String owned by the last event; count what the state itself holds
        return GraphLayout.parseInstance(state).totalSize() - GraphLayout.parseInstance(state.lastCountry).totalSize();
    }
}
