package com.riskpulse.engine.score;

import com.riskpulse.engine.feature.Feature;

/**
 * How a raw feature value becomes the signal its weight multiplies: 0 means "nothing unusual", about 1
 * "clearly unusual", capped so that no single feature can run away with the score. Kept in code, not
 * configuration: the weights are the tunable part, these shapes are the model.
 */
final class Signals {

    private Signals() {
    }

    static double of(Feature feature, double v) {
        return switch (feature) {
            // velocity: a person makes a few events a minute at most; 6 a minute is clearly unusual
            case COUNT_1M -> clamp((v - 2) / 4, 0, 3);
            case COUNT_1H -> clamp((v - 10) / 20, 0, 3);
            case COUNT_24H -> clamp((v - 40) / 80, 0, 3);
            // sums carry no default weight (the ratio features do the work); an admin may weight them
            case AMOUNT_SUM_1M, AMOUNT_SUM_1H, AMOUNT_SUM_24H -> Math.log10(1 + v / 1_000);
            // ten times the habit is a signal of 1
            case AMOUNT_RATIO -> v <= 0 ? 0 : clamp(Math.log10(v), 0, 2);
            case AMOUNT_ZSCORE -> clamp((v - 1.5) / 2, 0, 3);
            case NEW_DEVICE, NEW_COUNTRY, NEW_MERCHANT, RECENT_LOGIN_NOVELTY -> v != 0 ? 1 : 0;
            case NEW_PAYEES_1H -> clamp((v - 1) / 3, 0, 3);
            // airliners do about 900 km/h: beyond 1,500 km/h between two events nobody travelled
            case TRAVEL_SPEED_KMH -> clamp((v - 500) / 1_000, 0, 1);
            case HOUR_UNUSUAL, FAILED_SHARE_1H, MERCHANT_CATEGORY_RISK -> clamp(v, 0, 1);
            case MEAN_AMOUNT_1M -> 0; // used by rules only
            // a brand-new entity is a little riskier; the signal fades over its first five events
            case HISTORY -> clamp(1 - v / 5, 0, 1);
        };
    }

    private static double clamp(double v, double min, double max) {
        return Math.clamp(v, min, max);
    }
}
