package com.riskpulse.engine.score;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds one entity's events in event-time order for scoring tests: a habit first, then the case under test. */
final class EntityTimeline {

    static final Instant START = Instant.parse("2026-10-01T08:00:00Z");

    private final String entity;
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<RiskEvent> events = new ArrayList<>();
    private Instant now = START;
    private int n;

    private EntityTimeline(String entity) {
        this.entity = entity;
    }

    static EntityTimeline of(String entity) {
        return new EntityTimeline(entity);
    }

    /** A steady customer: {@code days} days of 3 card payments of 20–60 EUR, daytime, home country DE, own phone. */
    EntityTimeline habit(int days) {
        for (int d = 0; d < days; d++) {
            Instant day = START.plus(Duration.ofDays(d));
            for (int i = 0; i < 3; i++) {
                now = day.plus(Duration.ofHours(2 + 3L * i)).plusSeconds(random.nextInt(600));
                add(payment(20 + random.nextInt(41)).merchant("m-" + (1 + random.nextInt(4)), "5411"));
            }
        }
        return this;
    }

    EntityTimeline after(Duration gap) {
        now = now.plus(gap);
        return this;
    }

    RiskEvent.Builder payment(double amount) {
        return base(EventType.PAYMENT).amount(amount).currency("EUR").channel(Channel.CARD_PRESENT)
                .merchant("m-1", "5411").country("DE").device("d-phone").status(EventStatus.APPROVED);
    }

    RiskEvent.Builder base(EventType type) {
        return RiskEvent.builder(entity + "-e" + (++n), entity, now, type).country("DE").device("d-phone");
    }

    EntityTimeline add(RiskEvent.Builder event) {
        events.add(event.timestamp(now).build());
        return this;
    }

    Instant now() {
        return now;
    }

    List<RiskEvent> events() {
        return List.copyOf(events);
    }
}
