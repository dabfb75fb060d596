package com.riskpulse.engine.explain;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.ScoringModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest change of the top contributing feature(s) that brings the score under a threshold, found by
 * rescoring with the real model: first the top feature alone, then the top two, then the top three, each
 * moved step by step towards its neutral value (where its signal is 0); counts and flags stay whole.
 *
 * @param changes     feature wire name to its new value, in contribution order; empty when none was found
 * @param newScore    the rescored score with the changes applied
 * @param threshold   the score to get under
 * @param found       false when no change of up to three features gets under it
 */
public record Counterfactual(Map<String, Double> changes, double newScore, double threshold, boolean found) {

    static final int STEPS = 200;
    static final int MAX_FEATURES = 3;

    /** Applies {@code changes} to {@code features}. */
    public static FeatureVector apply(FeatureVector features, Map<String, Double> changes) {
        Map<String, Double> m = features.asMap();
        m.putAll(changes);
        return FeatureVector.fromMap(m);
    }

    static Counterfactual find(Assessment a, ScoringModel model, double threshold) {
        List<Feature> top = new ArrayList<>();
        for (Contribution c : a.contributions()) {
            if (c.isRule() || c.contribution() <= 0) continue;
            top.add(Feature.fromWireName(c.name()));
            if (top.size() == MAX_FEATURES) break;
        }
        for (int n = 1; n <= top.size(); n++) {
            List<Feature> moved = top.subList(0, n);
            for (int step = 1; step <= STEPS; step++) {
                double t = (double) step / STEPS;
                Map<String, Double> changes = new LinkedHashMap<>();
                for (Feature f : moved) {
                    double from = a.features().get(f);
                    double to = moveTowardsNeutral(f, from, t);
                    if (to != from) changes.put(f.wireName(), to);
                }
                if (changes.isEmpty()) continue;
                double s = model.score(a.event(), apply(a.features(), changes)).score();
                if (s < threshold) return new Counterfactual(changes, s, threshold, true);
            }
        }
        return new Counterfactual(Map.of(), a.score(), threshold, false);
    }

    static double moveTowardsNeutral(Feature f, double from, double t) {
        double neutral = neutral(f);
        double v = from + (neutral - from) * t;
        if (whole(f)) v = neutral < from ? Math.floor(v) : Math.ceil(v);
        return v;
    }

    /** The value at which the feature's signal is 0 (see {@code Signals}). */
    static double neutral(Feature f) {
        return switch (f) {
            case COUNT_1M -> 2;
            case COUNT_1H -> 10;
            case COUNT_24H -> 40;
            case AMOUNT_RATIO -> 1;
            case AMOUNT_ZSCORE -> 1.5;
            case NEW_PAYEES_1H -> 1;
            case TRAVEL_SPEED_KMH -> 500;
            case HISTORY -> 5;
            default -> 0;
        };
    }

    static boolean whole(Feature f) {
        return Arrays.asList(Feature.COUNT_1M, Feature.COUNT_1H, Feature.COUNT_24H, Feature.NEW_PAYEES_1H, Feature.HISTORY,
                Feature.NEW_DEVICE, Feature.NEW_COUNTRY, Feature.NEW_MERCHANT, Feature.RECENT_LOGIN_NOVELTY).contains(f);
    }
}
