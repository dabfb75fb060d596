package com.riskpulse.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What happened to one ingested event: accepted, or rejected naming the field and the reason. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(String eventId, boolean accepted, String field, String reason) {

    public static IngestResult accepted(String eventId) {
        return new IngestResult(eventId, true, null, null);
    }

    public static IngestResult rejected(String eventId, String field, String reason) {
        return new IngestResult(eventId, false, field, reason);
    }
}
