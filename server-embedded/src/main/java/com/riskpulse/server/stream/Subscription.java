package com.riskpulse.server.stream;

import com.riskpulse.engine.alert.Alert;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.score.RiskLevel;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one client wants pushed. Set by the client's {@code subscribe} message ({@link SubscriptionProtocol});
 * every field replaces the previous one.
 *
 * @param minLevel     lowest level pushed (assessments by level, alerts by severity)
 * @param includeClear true to also push assessments under the live-feed floor ({@code Thresholds.low}) one by
 *                     one; only an explicit {@code "min_level":"low"} asks for it. Otherwise they are only counted
 *                     in the stats messages, which keeps a busy console readable
 * @param entityIds    only these entities; empty for all
 * @param types        the message types pushed
 */
public record Subscription(RiskLevel minLevel, boolean includeClear, Set<String> entityIds, Set<MessageType> types) {

    /** Everything from the live-feed floor up, every entity, every type. */
    public static final Subscription DEFAULT = new Subscription(RiskLevel.LOW, false, Set.of(), EnumSet.allOf(MessageType.class));

    public Subscription {
        if (minLevel == null) minLevel = RiskLevel.LOW;
        includeClear = includeClear && minLevel == RiskLevel.LOW;
        entityIds = entityIds == null ? Set.of() : Set.copyOf(entityIds);
        types = types == null ? DEFAULT.types : Set.copyOf(types);
    }

    boolean wantsAssessment(RiskLevel level, boolean belowFloor, String entityId) {
        return types.contains(MessageType.ASSESSMENT) && level.atLeast(minLevel) && (!belowFloor || includeClear)
                && wantsEntity(entityId);
    }

    boolean wantsAlert(Alert alert) {
        return types.contains(MessageType.ALERT) && alert.severity().atLeast(minLevel) && wantsEntity(alert.entityId());
    }

    boolean wantsStats() {
        return types.contains(MessageType.STATS);
    }

    private boolean wantsEntity(String entityId) {
        return entityIds.isEmpty() || entityIds.contains(entityId);
    }

    /** This subscription without the types the actor may not read. */
    Subscription restrictedTo(Actor actor) {
        EnumSet<MessageType> allowed = EnumSet.noneOf(MessageType.class);
        for (MessageType type : types) {
            if (actor.may(type.permission())) allowed.add(type);
        }
        return allowed.size() == types.size() ? this : new Subscription(minLevel, includeClear, entityIds, allowed);
    }
}
