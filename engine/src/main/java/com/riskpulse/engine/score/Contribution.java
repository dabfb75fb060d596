package com.riskpulse.engine.score;

/**
 * What one feature or rule added to the score, in log-odds: positive pushes towards risk.
 *
 * @param name         a feature's wire name, or {@code rule:<name>} for a rule that fired
 * @param value        the feature's value for this event (1 for a rule)
 * @param contribution weight times signal, in log-odds
 */
public record Contribution(String name, double value, double contribution) {

    public static final String RULE_PREFIX = "rule:";

    public boolean isRule() {
        return name.startsWith(RULE_PREFIX);
    }
}
