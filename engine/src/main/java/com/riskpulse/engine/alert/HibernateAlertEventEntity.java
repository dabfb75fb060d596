package com.riskpulse.engine.alert;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.score.RiskLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The {@code alert_events} row, for {@link HibernateAlerts} only; callers get {@link AlertEvent}. */
@Entity
@Table(name = "alert_events")
class HibernateAlertEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "alert_id", nullable = false)
    long alertId;
    @Column(name = "assessment_id", nullable = false)
    long assessmentId;
    @Column(name = "event_id", nullable = false)
    String eventId;
    @Column(name = "score", nullable = false)
    double score;
    @Column(name = "level", nullable = false)
    String level;
    @Column(name = "at", nullable = false)
    Instant at;

    protected HibernateAlertEventEntity() {
    }

    static HibernateAlertEventEntity of(long alertId, Assessment a) {
        HibernateAlertEventEntity e = new HibernateAlertEventEntity();
        e.alertId = alertId;
        e.assessmentId = a.id();
        e.eventId = a.eventId();
        e.score = a.score();
        e.level = a.level().name();
        e.at = a.event().timestamp();
        return e;
    }

    AlertEvent toEvent() {
        return new AlertEvent(assessmentId, eventId, score, RiskLevel.valueOf(level), at);
    }
}
