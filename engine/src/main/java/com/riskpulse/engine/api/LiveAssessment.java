package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.event.RiskEvent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One assessment as the live stream carries it ({@code data} of a {@code /ws/risk-stream} "assessment" message, and
 * what the console's live views receive in either mode): enough to draw and triage it, with the top contributions;
 * the full record ({@link RiskView}) is one request away by {@code risk_id}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LiveAssessment(long riskId, String eventId, String entityId, String eventType, Instant timestamp,
                             Instant scoredAt, double score, String level, Double amount, String currency, String country,
                             String merchantId, List<String> rulesFired, List<ContributionView> topContributions,
                             int configVersion, String modelVersion, boolean late) {

    /** Enough to see why an event scored as it did; the full list is one request away. */
    public static final int TOP_CONTRIBUTIONS = 5;

    public static LiveAssessment of(Assessment a) {
        RiskEvent e = a.event();
        List<ContributionView> top = a.contributions().stream().limit(TOP_CONTRIBUTIONS).map(ContributionView::of).toList();
        return new LiveAssessment(a.id(), a.eventId(), a.entityId(), lower(e.type()), e.timestamp(), a.scoredAt(), a.score(),
                lower(a.level()), e.hasAmount() ? e.amount() : null, e.currency(), e.country(), e.merchantId(), a.rulesFired(),
                top, a.configVersion(), a.modelVersion(), a.late());
    }

    private static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
