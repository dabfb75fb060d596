package com.riskpulse.engine.score;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A {@link ScoringConfig} compiled for the hot path: weights in an array by feature, rule parameters
 * resolved to arrays. Scoring is a logistic combination — score = 1 / (1 + e^-(bias + Σ weight·signal
 * + Σ boosts of fired rules)) — so each term is that feature's or rule's contribution in log-odds, and
 * the contributions add up to the score exactly. Immutable and thread-safe; deterministic.
 */
public final class ScoringModel {

    private final ScoringConfig config;
    private final double[] weights = new double[Feature.count()];
    private final RiskRule[] rules;
    private final double[] boosts;
    private final double[][] ruleParams;

    private ScoringModel(ScoringConfig config) {
        this.config = config;
        config.weights().forEach((name, w) -> weights[Feature.fromWireName(name).ordinal()] = w);
        List<RiskRule> enabled = new ArrayList<>();
        List<double[]> params = new ArrayList<>();
        List<Double> boostList = new ArrayList<>();
        for (RiskRule rule : RiskRules.ALL) {
            RuleSettings settings = config.rules().getOrDefault(rule.name(), RuleSettings.defaultsOf(rule));
            if (!settings.enabled()) continue;
            enabled.add(rule);
            boostList.add(settings.boost());
            params.add(rule.parameterNames().stream()
                    .mapToDouble(n -> settings.parameters().getOrDefault(n, rule.parameters().get(n))).toArray());
        }
        this.rules = enabled.toArray(RiskRule[]::new);
        this.ruleParams = params.toArray(double[][]::new);
        this.boosts = boostList.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static ScoringModel compile(ScoringConfig config) {
        return new ScoringModel(config);
    }

    public ScoringConfig config() {
        return config;
    }

    /** The score, level and contributions of one event with its features. */
    public record Score(double score, RiskLevel level, List<Contribution> contributions, List<String> rulesFired) {}

    public Score score(RiskEvent event, FeatureVector features) {
        double logit = config.bias();
        List<Contribution> contributions = new ArrayList<>(8);
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) continue;
            Feature feature = Feature.at(i);
            double value = features.get(feature);
            double term = weights[i] * Signals.of(feature, value);
            if (term != 0) {
                logit += term;
                contributions.add(new Contribution(feature.wireName(), value, term));
            }
        }
        List<String> fired = List.of();
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].condition().test(event, features, ruleParams[r])) {
                if (fired.isEmpty()) fired = new ArrayList<>(2);
                fired.add(rules[r].name());
                logit += boosts[r];
                contributions.add(new Contribution(Contribution.RULE_PREFIX + rules[r].name(), 1, boosts[r]));
            }
        }
        contributions.sort(BY_MAGNITUDE);
        double score = 1 / (1 + Math.exp(-logit));
        return new Score(score, config.thresholds().levelOf(score), contributions, fired);
    }

    /** The score from a log-odds total: what a counterfactual uses after changing a term. */
    public static double scoreOfLogit(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** Largest magnitude first; ties by name so that the order is deterministic. */
    private static final Comparator<Contribution> BY_MAGNITUDE =
            Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution())).thenComparing(Contribution::name);

    /** The configured weight of a feature (0 when not weighted). */
    public double weight(Feature feature) {
        return weights[feature.ordinal()];
    }

    public Map<String, Double> weights() {
        return config.weights();
    }
}
