package com.riskpulse.engine.score;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.FeatureVector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named business rule: a condition over the event and its features that, when it holds, adds
 * {@code boost} to the log-odds of the score. Parameters are named so that the configuration can
 * change them; the condition reads them by position in {@link #parameterNames()}.
 *
 * @param name        snake_case, used in configuration, contributions ({@code rule:<name>}) and explanations
 * @param description one line an analyst understands
 * @param boost       default log-odds added when the rule fires
 * @param parameters  default parameter values, in the order the condition reads them
 * @param condition   the test itself
 */
public record RiskRule(String name, String description, double boost, Map<String, Double> parameters, Condition condition) {

    /** The test of a rule; {@code p} holds the parameter values in declaration order. */
    @FunctionalInterface
    public interface Condition {
        boolean test(RiskEvent event, FeatureVector features, double[] p);
    }

    public RiskRule {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public List<String> parameterNames() {
        return List.copyOf(parameters.keySet());
    }

    /** Parameters in declaration order, as the condition expects them. */
    static Map<String, Double> params(Object... namesAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return map;
    }
}
