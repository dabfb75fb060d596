package com.riskpulse.engine.score;

import java.util.Map;

/** A rule as configured: on or off, its boost and its parameters (missing ones take the rule's defaults). */
public record RuleSettings(boolean enabled, double boost, Map<String, Double> parameters) {

    public RuleSettings {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public static RuleSettings defaultsOf(RiskRule rule) {
        return new RuleSettings(true, rule.boost(), rule.parameters());
    }
}
