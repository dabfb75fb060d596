package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.alert.AlertDetail;
import com.riskpulse.engine.alert.AlertEvent;

import java.time.Instant;
import java.util.List;

/** An alert with the assessments attached to it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AlertDetailView(AlertView alert, List<Event> events) {

    /** One assessment attached to the alert. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Event(long riskId, String eventId, double score, String level, Instant at) {
        static Event of(AlertEvent e) {
            return new Event(e.assessmentId(), e.eventId(), e.score(), AlertView.lower(e.level()), e.at());
        }
    }

    public static AlertDetailView of(AlertDetail d) {
        return new AlertDetailView(AlertView.of(d.alert()), d.events().stream().map(Event::of).toList());
    }
}
