package com.riskpulse.engine.alert;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;

/**
 * One assessment that raised or joined an alert.
 *
 * @param assessmentId the assessment (the API's {@code risk_id})
 * @param eventId      its event
 * @param score        its score
 * @param level        its level
 * @param at           the event's own time
 */
public record AlertEvent(long assessmentId, String eventId, double score, RiskLevel level, Instant at) {
}
