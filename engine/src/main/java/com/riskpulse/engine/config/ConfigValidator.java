package com.riskpulse.engine.config;

import com.riskpulse.engine.config.ConfigDocument.ThresholdValues;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.score.RiskRule;
import com.riskpulse.engine.score.RiskRules;
import com.riskpulse.engine.score.RuleSettings;
import com.riskpulse.engine.score.ScoringConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a {@link ConfigDocument} and reports every problem at once, each with its field path
 * ({@code thresholds.high: must be in [0, 1], got 1.3}), so an admin fixes a form in one round.
 * Answers {@link Validation.Valid} with the scoring configuration ready to apply, or
 * {@link Validation.Invalid}; it never throws for bad content.
 */
public final class ConfigValidator {

    /** Longest retention accepted: ten years. */
    public static final int MAX_RETENTION_DAYS = 3_650;

    private ConfigValidator() {
    }

    /** The outcome of validating a document. */
    public sealed interface Validation {
        /** @param scoring the document's scoring part, ready for {@code LiveScoringModel.apply} */
        record Valid(ConfigDocument document, ScoringConfig scoring) implements Validation {}

        /** @param problems every problem found, {@code path: what is wrong}, in document order */
        record Invalid(List<String> problems) implements Validation {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    public static Validation validate(ConfigDocument doc) {
        if (doc == null) return new Validation.Invalid(List.of("configuration: is required"));
        List<String> problems = new ArrayList<>();
        thresholds(doc.thresholds(), problems);
        if (doc.bias() == null) problems.add("bias: is required");
        else finite("bias", doc.bias(), problems);
        weights(doc.weights(), problems);
        doc.rules().forEach((name, settings) -> rule(name, settings, problems));
        int days = doc.retentionDays();
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            problems.add("retention_days: must be between 1 and " + MAX_RETENTION_DAYS + " days, got " + days);
        }
        if (doc.version() < 0) problems.add("version: must not be negative, got " + doc.version());
        if (!problems.isEmpty()) return new Validation.Invalid(problems);
        try {
            // the version is checked above; the record's own checks must agree with ours
            return new Validation.Valid(doc, doc.withVersion(Math.max(1, doc.version())).scoringConfig());
        } catch (IllegalArgumentException e) {
            return new Validation.Invalid(List.of("configuration: " + e.getMessage()));
        }
    }

    private static void thresholds(ThresholdValues t, List<String> problems) {
        if (t == null) {
            problems.add("thresholds: are required (low, medium, high, critical)");
            return;
        }
        int before = problems.size();
        threshold("low", t.low(), problems);
        threshold("medium", t.medium(), problems);
        threshold("high", t.high(), problems);
        threshold("critical", t.critical(), problems);
        if (problems.size() == before && !(t.low() < t.medium() && t.medium() < t.high() && t.high() < t.critical())) {
            problems.add("thresholds: must rise: low < medium < high < critical, got " + t.low() + ", " + t.medium()
                    + ", " + t.high() + ", " + t.critical());
        }
    }

    private static void threshold(String name, Double value, List<String> problems) {
        if (value == null) problems.add("thresholds." + name + ": is required");
        else if (!(value >= 0 && value <= 1)) problems.add("thresholds." + name + ": must be in [0, 1], got " + value);
    }

    private static void weights(Map<String, Double> weights, List<String> problems) {
        if (weights == null) {
            problems.add("weights: are required (a feature left out weighs 0)");
            return;
        }
        weights.forEach((name, w) -> {
            if (!isFeature(name)) problems.add("weights." + name + ": no such feature; known: " + featureNames());
            else finite("weights." + name, w, problems);
        });
    }

    private static void rule(String name, RuleSettings settings, List<String> problems) {
        RiskRule rule = RiskRules.ALL.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
        if (rule == null) {
            problems.add("rules." + name + ": no such rule; known: " + RiskRules.ALL.stream().map(RiskRule::name).toList());
            return;
        }
        if (settings == null) {
            problems.add("rules." + name + ": settings are required");
            return;
        }
        finite("rules." + name + ".boost", settings.boost(), problems);
        settings.parameters().forEach((param, value) -> {
            if (!rule.parameters().containsKey(param)) {
                problems.add("rules." + name + ".parameters." + param + ": no such parameter; known: " + rule.parameterNames());
            } else {
                finite("rules." + name + ".parameters." + param, value, problems);
            }
        });
    }

    private static void finite(String path, Double value, List<String> problems) {
        if (value == null || !Double.isFinite(value)) problems.add(path + ": must be finite, got " + value);
    }

    private static boolean isFeature(String name) {
        for (Feature f : Feature.values()) {
            if (Objects.equals(f.wireName(), name)) return true;
        }
        return false;
    }

    private static List<String> featureNames() {
        return java.util.Arrays.stream(Feature.values()).map(Feature::wireName).toList();
    }
}
