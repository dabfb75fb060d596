package com.riskpulse.engine.score;

import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;

import java.util.ArrayList;
import java.util.Arrays;
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
    private final String[] ruleLabels;
    private final ThreadLocal<Contribution[]> scratch;

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
        this.scratch = ThreadLocal.withInitial(() -> new Contribution[weights.length + rules.length]);
        this.ruleLabels = enabled.stream().map(r -> Contribution.RULE_PREFIX + r.name()).toArray(String[]::new);
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
        // terms gathered in a per-thread scratch array and sorted in place: usually only a handful are non-zero
        Contribution[] terms = scratch.get();
        int n = 0;
        double logit = config.bias();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] == 0) continue;
            Feature feature = Feature.at(i);
            double value = features.get(feature);
            double term = weights[i] * Signals.of(feature, value);
            if (term != 0) {
                logit += term;
                terms[n++] = new Contribution(feature.wireName(), value, term);
            }
        }
        String[] fired = null;
        int firedCount = 0;
        for (int r = 0; r < rules.length; r++) {
            if (rules[r].condition().test(event, features, ruleParams[r])) {
                if (fired == null) fired = new String[rules.length];
                fired[firedCount++] = rules[r].name();
                logit += boosts[r];
                terms[n++] = new Contribution(ruleLabels[r], 1, boosts[r]);
            }
        }
        sortByMagnitude(terms, n);
        double score = scoreOfLogit(logit);
        List<String> firedList = fired == null ? List.of() : List.of(Arrays.copyOf(fired, firedCount));
        // the scratch keeps stale references until overwritten: a few small objects per thread, not worth clearing
        List<Contribution> contributions = List.of(Arrays.copyOf(terms, n));
        return new Score(score, config.thresholds().levelOf(score), contributions, firedList);
    }

    /** Insertion sort, largest magnitude first, ties by name so that the order is deterministic. */
    private static void sortByMagnitude(Contribution[] a, int n) {
        for (int i = 1; i < n; i++) {
            Contribution c = a[i];
            int j = i - 1;
            while (j >= 0 && before(c, a[j])) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = c;
        }
    }

    private static boolean before(Contribution x, Contribution y) {
        double mx = Math.abs(x.contribution()), my = Math.abs(y.contribution());
        return mx > my || (mx == my && x.name().compareTo(y.name()) < 0);
    }

    /** The score from a log-odds total: what a counterfactual uses after changing a term. */
    public static double scoreOfLogit(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** The configured weight of a feature (0 when not weighted). */
    public double weight(Feature feature) {
        return weights[feature.ordinal()];
    }

    public Map<String, Double> weights() {
        return config.weights();
    }
}
