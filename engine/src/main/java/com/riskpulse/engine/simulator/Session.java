package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One turn of one entity: the events it plans, at their own future times. The generator keeps them in
 * its queue and gives them ids only when they come out, so ids follow event-time order.
 */
final class Session {

    /** Where planned events go; the generator implements it. */
    interface Planner {
        void plan(long atMillis, RiskEvent.Builder draft);
    }

    private final Planner planner;
    private SimEntity entity;
    private Map<String, String> labels = Map.of();
    private long last;

    Session(Planner planner) {
        this.planner = planner;
    }

    /** Starts a turn; {@code labels} go on every event of it (empty for genuine traffic). */
    void begin(SimEntity entity, long startMillis, Map<String, String> labels) {
        this.entity = entity;
        this.labels = labels;
        this.last = startMillis;
    }

    /** Plans an event without an amount (a login, a password change). */
    RiskEvent.Builder event(long atMillis, EventType type) {
        RiskEvent.Builder draft = RiskEvent.builder(null, entity.id, Instant.ofEpochMilli(atMillis), type)
                .attributes(labels);
        planner.plan(atMillis, draft);
        last = Math.max(last, atMillis);
        return draft;
    }

    /** Plans a money event in the account currency, rounded as a till would. */
    RiskEvent.Builder money(long atMillis, EventType type, double amount) {
        return event(atMillis, type).amount(entity.round(amount)).currency(entity.currency());
    }

    /** Time of the latest event planned in this turn (the turn's start if none). */
    long last() {
        return last;
    }
}
