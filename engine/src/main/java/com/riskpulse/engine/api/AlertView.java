package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.alert.Alert;

import java.time.Instant;
import java.util.Locale;

/** An alert as the API shows it; status, severity and resolution in lower case. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlertView(long id, String entityId, String policy, String status, String severity, Instant firstSeen,
                        Instant lastSeen, int eventCount, double highestScore, long firstRiskId, long lastRiskId,
                        String assignee, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
                        Instant resolvedAt, String resolution, String note, Instant createdAt, long version) {

    public static AlertView of(Alert a) {
        return new AlertView(a.id(), a.entityId(), a.policy(), lower(a.status()), lower(a.severity()), a.firstSeen(), a.lastSeen(),
                a.eventCount(), a.highestScore(), a.firstAssessmentId(), a.lastAssessmentId(), a.assignee(), a.acknowledgedBy(),
                a.acknowledgedAt(), a.resolvedBy(), a.resolvedAt(), lower(a.resolution()), a.note(), a.createdAt(), a.version());
    }

    static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
