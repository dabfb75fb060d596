package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.score.RiskLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * The {@code alerts} row, for {@link HibernateAlerts} only; callers get {@link Alert}. Enums are kept as
 * strings so the mapping validates against the VARCHAR columns on both databases.
 */
@Entity
@Table(name = "alerts")
class HibernateAlertEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "entity_id", nullable = false)
    String entityId;
    @Column(name = "policy", nullable = false)
    String policy;
    @Column(name = "status", nullable = false)
    String status;
    @Column(name = "severity", nullable = false)
    String severity;
    @Column(name = "first_seen", nullable = false)
    Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    Instant lastSeen;
    @Column(name = "event_count", nullable = false)
    int eventCount;
    @Column(name = "highest_score", nullable = false)
    double highestScore;
    @Column(name = "first_assessment_id", nullable = false)
    long firstAssessmentId;
    @Column(name = "last_assessment_id", nullable = false)
    long lastAssessmentId;
    @Column(name = "assignee")
    String assignee;
    @Column(name = "acknowledged_by")
    String acknowledgedBy;
    @Column(name = "acknowledged_at")
    Instant acknowledgedAt;
    @Column(name = "resolved_by")
    String resolvedBy;
    @Column(name = "resolved_at")
    Instant resolvedAt;
    @Column(name = "resolution")
    String resolution;
    @Column(name = "note")
    String note;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    /** TRUE while open, NULL once resolved: the database's one-open-alert-per-entity key (see V5__alerts.sql). */
    @Column(name = "open_slot")
    Boolean openSlot;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected HibernateAlertEntity() {
    }

    /** A new OPEN alert raised by {@code first}. */
    static HibernateAlertEntity raise(String policy, Assessment first, Instant now) {
        HibernateAlertEntity e = new HibernateAlertEntity();
        e.entityId = first.entityId();
        e.policy = policy;
        e.status = AlertStatus.OPEN.name();
        e.openSlot = Boolean.TRUE;
        e.severity = first.level().name();
        e.firstSeen = first.event().timestamp();
        e.lastSeen = first.event().timestamp();
        e.eventCount = 1;
        e.highestScore = first.score();
        e.firstAssessmentId = first.id();
        e.lastAssessmentId = first.id();
        e.createdAt = now;
        return e;
    }

    /** Another high-risk assessment of the entity joins: count, last seen, highest score and severity follow it. */
    void attach(Assessment a) {
        eventCount++;
        Instant at = a.event().timestamp();
        if (at.isAfter(lastSeen)) lastSeen = at;
        if (at.isBefore(firstSeen)) firstSeen = at; // a late event may predate the first one
        highestScore = Math.max(highestScore, a.score());
        if (a.level().compareTo(RiskLevel.valueOf(severity)) > 0) severity = a.level().name();
        lastAssessmentId = a.id();
    }

    boolean isOpen() {
        return AlertStatus.valueOf(status).isOpen();
    }

    /** Copies what an analyst's command may change. */
    void applyWorkflow(Alert next) {
        status = next.status().name();
        openSlot = next.status().isOpen() ? Boolean.TRUE : null;
        assignee = next.assignee();
        acknowledgedBy = next.acknowledgedBy();
        acknowledgedAt = next.acknowledgedAt();
        resolvedBy = next.resolvedBy();
        resolvedAt = next.resolvedAt();
        resolution = next.resolution() == null ? null : next.resolution().name();
        note = next.note();
    }

    Alert toAlert() {
        return new Alert(id, entityId, policy, AlertStatus.valueOf(status), RiskLevel.valueOf(severity), firstSeen, lastSeen,
                eventCount, highestScore, firstAssessmentId, lastAssessmentId, assignee, acknowledgedBy, acknowledgedAt,
                resolvedBy, resolvedAt, resolution == null ? null : Resolution.valueOf(resolution), note, createdAt, version);
    }
}
