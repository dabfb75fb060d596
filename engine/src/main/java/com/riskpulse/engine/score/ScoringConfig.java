package com.riskpulse.engine.score;

import com.riskpulse.engine.feature.Feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring part of the configuration document: thresholds, the model's bias and feature weights,
 * and the rules with their settings. Validated on construction, so an invalid configuration cannot
 * exist, let alone reach the running pipeline.
 *
 * @param version    the configuration version; every assessment records the one that scored it
 * @param thresholds level boundaries
 * @param bias       log-odds of an event with no signal at all
 * @param weights    per feature wire name; a feature left out weighs 0
 * @param rules      per rule name; a rule left out runs with its defaults
 */
public record ScoringConfig(int version, Thresholds thresholds, double bias, Map<String, Double> weights,
                            Map<String, RuleSettings> rules) {

    public static final String MODEL_VERSION = "logistic-v1";

    /** Default weights, tuned on the simulator (docs/detection-quality.md). */
    public static final Map<String, Double> DEFAULT_WEIGHTS = weights(
            Feature.COUNT_1M, 1.6, Feature.COUNT_1H, 0.6, Feature.COUNT_24H, 0.3,
            Feature.AMOUNT_SUM_1M, 0.0, Feature.AMOUNT_SUM_1H, 0.0, Feature.AMOUNT_SUM_24H, 0.0,
            Feature.AMOUNT_RATIO, 1.8, Feature.AMOUNT_ZSCORE, 1.0,
            Feature.NEW_DEVICE, 1.0, Feature.NEW_COUNTRY, 1.2, Feature.NEW_MERCHANT, 0.4, Feature.NEW_PAYEES_1H, 1.2,
            Feature.TRAVEL_SPEED_KMH, 2.0, Feature.HOUR_UNUSUAL, 0.6, Feature.FAILED_SHARE_1H, 2.0,
            Feature.MERCHANT_CATEGORY_RISK, 1.2, Feature.MEAN_AMOUNT_1M, 0.0, Feature.RECENT_LOGIN_NOVELTY, 1.5,
            Feature.HISTORY, 0.3);

    public static final double DEFAULT_BIAS = -5.0;

    public ScoringConfig {
        if (version < 1) throw new IllegalArgumentException("version must be at least 1, got " + version);
        if (thresholds == null) throw new IllegalArgumentException("thresholds are required");
        if (!Double.isFinite(bias)) throw new IllegalArgumentException("bias must be a finite number, got " + bias);
        weights = weights == null ? Map.of() : weights;
        rules = rules == null ? Map.of() : rules;
        List<String> problems = new ArrayList<>();
        weights.forEach((name, w) -> {
            try {
                Feature.fromWireName(name);
            } catch (IllegalArgumentException e) {
                problems.add("weights." + name + ": no such feature");
            }
            if (w == null || !Double.isFinite(w)) problems.add("weights." + name + ": must be a finite number, got " + w);
        });
        rules.forEach((name, settings) -> checkRule(name, settings, problems));
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
        weights = Map.copyOf(weights);
        rules = Map.copyOf(rules);
    }

    private static void checkRule(String name, RuleSettings settings, List<String> problems) {
        if (settings == null) {
            problems.add("rules." + name + ": settings are required");
            return;
        }
        RiskRule rule;
        try {
            rule = RiskRules.byName(name);
        } catch (IllegalArgumentException e) {
            problems.add("rules." + name + ": " + e.getMessage());
            return;
        }
        if (!Double.isFinite(settings.boost())) problems.add("rules." + name + ".boost: must be a finite number");
        settings.parameters().forEach((param, value) -> {
            if (!rule.parameters().containsKey(param)) {
                problems.add("rules." + name + ".parameters." + param + ": no such parameter; known: " + rule.parameterNames());
            } else if (value == null || !Double.isFinite(value)) {
                problems.add("rules." + name + ".parameters." + param + ": must be a finite number");
            }
        });
    }

    public static ScoringConfig defaults() {
        Map<String, RuleSettings> rules = new LinkedHashMap<>();
        RiskRules.ALL.forEach(r -> rules.put(r.name(), RuleSettings.defaultsOf(r)));
        return new ScoringConfig(1, Thresholds.DEFAULTS, DEFAULT_BIAS, DEFAULT_WEIGHTS, rules);
    }

    public ScoringConfig withThresholds(Thresholds t) {
        return new ScoringConfig(version, t, bias, weights, rules);
    }

    public ScoringConfig withVersion(int v) {
        return new ScoringConfig(v, thresholds, bias, weights, rules);
    }

    public ScoringConfig withWeight(Feature feature, double weight) {
        Map<String, Double> w = new LinkedHashMap<>(weights);
        w.put(feature.wireName(), weight);
        return new ScoringConfig(version, thresholds, bias, w, rules);
    }

    public ScoringConfig withRule(String name, RuleSettings settings) {
        Map<String, RuleSettings> r = new LinkedHashMap<>(rules);
        r.put(name, settings);
        return new ScoringConfig(version, thresholds, bias, weights, r);
    }

    private static Map<String, Double> weights(Object... featuresAndWeights) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < featuresAndWeights.length; i += 2) {
            map.put(((Feature) featuresAndWeights[i]).wireName(), ((Number) featuresAndWeights[i + 1]).doubleValue());
        }
        return map;
    }
}
