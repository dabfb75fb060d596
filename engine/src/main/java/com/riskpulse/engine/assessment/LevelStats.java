package com.riskpulse.engine.assessment;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.Map;

/**
 * Statistics of the assessments scored in a time window.
 *
 * @param byLevel   count per level (every level present, zero when none)
 * @param total     all assessments in the window
 * @param meanScore mean score, 0 when the window is empty
 * @param maxScore  highest score, 0 when the window is empty
 */
public record LevelStats(Instant from, Instant to, Map<RiskLevel, Long> byLevel, long total, double meanScore, double maxScore) {

    public LevelStats {
        byLevel = Map.copyOf(byLevel);
    }

    /** Share of HIGH and CRITICAL among all, 0 when empty. */
    public double highRiskRate() {
        if (total == 0) return 0;
        return (byLevel.getOrDefault(RiskLevel.HIGH, 0L) + byLevel.getOrDefault(RiskLevel.CRITICAL, 0L)) / (double) total;
    }
}
