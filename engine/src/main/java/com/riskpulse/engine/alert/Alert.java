package com.riskpulse.engine.alert;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert as callers see it: one entity's run of high-risk assessments, worked by analysts.
 *
 * @param id                database id
 * @param entityId          the entity whose events raised it
 * @param policy            the alert policy that raised it ({@link AlertPolicy#NAME})
 * @param status            lifecycle state
 * @param severity          the highest risk level among its events
 * @param firstSeen         event time of its first event
 * @param lastSeen          event time of its newest event
 * @param eventCount        how many assessments raised or joined it
 * @param highestScore      the highest score among its events
 * @param firstAssessmentId the assessment that raised it
 * @param lastAssessmentId  the assessment that joined it last
 * @param assignee          who works it; null when unassigned
 * @param acknowledgedBy    who acknowledged it; null until then
 * @param acknowledgedAt    when; null until then
 * @param resolvedBy        who resolved it; null until then
 * @param resolvedAt        when; null until then
 * @param resolution        how it was resolved; null until then
 * @param note              the resolver's note; may be null
 * @param createdAt         wall-clock time it was raised
 * @param version           optimistic-locking version: pass it back to a command to act only on what was seen
 */
public record Alert(
        long id,
        String entityId,
        String policy,
        AlertStatus status,
        RiskLevel severity,
        Instant firstSeen,
        Instant lastSeen,
        int eventCount,
        double highestScore,
        long firstAssessmentId,
        long lastAssessmentId,
        String assignee,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        Resolution resolution,
        String note,
        Instant createdAt,
        long version) {

    public Alert {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
    }

    /** The audit and API name of this alert: {@code alert:<id>}. */
    public String target() {
        return target(id);
    }

    static String target(long id) {
        return "alert:" + id;
    }

    Alert acknowledged(String by, Instant at) {
        return new Alert(id, entityId, policy, AlertStatus.ACKNOWLEDGED, severity, firstSeen, lastSeen, eventCount,
                highestScore, firstAssessmentId, lastAssessmentId, assignee, by, at, resolvedBy, resolvedAt, resolution,
                note, createdAt, version);
    }

    Alert assignedTo(String who) {
        return new Alert(id, entityId, policy, status, severity, firstSeen, lastSeen, eventCount, highestScore,
                firstAssessmentId, lastAssessmentId, who, acknowledgedBy, acknowledgedAt, resolvedBy, resolvedAt,
                resolution, note, createdAt, version);
    }

    Alert resolved(String by, Instant at, Resolution how, String why) {
        return new Alert(id, entityId, policy, AlertStatus.RESOLVED, severity, firstSeen, lastSeen, eventCount,
                highestScore, firstAssessmentId, lastAssessmentId, assignee, acknowledgedBy, acknowledgedAt, by, at, how,
                why, createdAt, version);
    }
}
