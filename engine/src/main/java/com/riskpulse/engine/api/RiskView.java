package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.event.EventJson;

import java.time.Instant;
import java.util.List;

/**
 * An assessment ("risk") as the API shows it.
 *
 * @param riskId the assessment id, for {@code GET /api/v1/risk/{risk_id}} and explanations
 * @param event  the event as received, in the wire format
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RiskView(long riskId, String eventId, String entityId, Instant timestamp, double score, String level,
                       List<ContributionView> contributions, List<String> rulesFired, int configVersion,
                       String modelVersion, Instant scoredAt, boolean late, JsonNode event) {

    public static RiskView of(Assessment a) {
        return new RiskView(a.id(), a.eventId(), a.entityId(), a.event().timestamp(), a.score(), a.level().name().toLowerCase(java.util.Locale.ROOT),
                a.contributions().stream().map(ContributionView::of).toList(), a.rulesFired(), a.configVersion(),
                a.modelVersion(), a.scoredAt(), a.late(), EventJson.toNode(a.event()));
    }
}
