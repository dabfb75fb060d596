package com.riskpulse.engine.score;

/** Risk levels in rising order; which one a score gets is decided by {@link Thresholds}. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }
}
