package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.assessment.LevelStats;
import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Counts per level (every level present) and score figures of a time window. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RiskStatsView(Instant from, Instant to, Map<String, Long> counts, long total, double meanScore, double maxScore,
                            double highRiskRate) {

    public static RiskStatsView of(LevelStats s) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) counts.put(level.name().toLowerCase(Locale.ROOT), s.byLevel().getOrDefault(level, 0L));
        return new RiskStatsView(s.from(), s.to(), counts, s.total(), s.meanScore(), s.maxScore(), s.highRiskRate());
    }
}
