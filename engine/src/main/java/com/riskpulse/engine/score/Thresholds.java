package com.riskpulse.engine.score;

/**
 * Score boundaries of the levels. A score at or above {@code critical} is CRITICAL, at or above
 * {@code high} HIGH, at or above {@code medium} MEDIUM, otherwise LOW. Scores under {@code low} are
 * "clear": still LOW, but below the floor the live feed pushes one by one (they are counted in the
 * statistics instead), which keeps a busy console readable. Seed defaults: 0.3 / 0.5 / 0.8; critical 0.95.
 */
public record Thresholds(double low, double medium, double high, double critical) {

    public static final Thresholds DEFAULTS = new Thresholds(0.3, 0.5, 0.8, 0.95);

    public Thresholds {
        check("low", low);
        check("medium", medium);
        check("high", high);
        check("critical", critical);
        if (!(low < medium && medium < high && high < critical)) {
            throw new IllegalArgumentException("thresholds must rise: low " + low + " < medium " + medium
                    + " < high " + high + " < critical " + critical);
        }
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("threshold " + name + " must be in [0, 1], got " + value);
        }
    }

    public RiskLevel levelOf(double score) {
        if (score >= critical) return RiskLevel.CRITICAL;
        if (score >= high) return RiskLevel.HIGH;
        if (score >= medium) return RiskLevel.MEDIUM;
        return RiskLevel.LOW;
    }

    /** The lowest score of a level: the boundary a counterfactual has to get under. */
    public double lowerBound(RiskLevel level) {
        return switch (level) {
            case LOW -> 0;
            case MEDIUM -> medium;
            case HIGH -> high;
            case CRITICAL -> critical;
        };
    }
}
