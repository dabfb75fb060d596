package com.riskpulse.engine.feature;

/**
 * Every feature computed per entity, in a fixed order (the index into a {@link FeatureVector}).
 * The wire name is the snake_case key used in the API, storage and explanations.
 */
public enum Feature {
    COUNT_1M("count_1m", "events in the last minute"),
    COUNT_1H("count_1h", "events in the last hour"),
    COUNT_24H("count_24h", "events in the last 24 hours"),
    AMOUNT_SUM_1M("amount_sum_1m", "amount moved out in the last minute"),
    AMOUNT_SUM_1H("amount_sum_1h", "amount moved out in the last hour"),
    AMOUNT_SUM_24H("amount_sum_24h", "amount moved out in the last 24 hours"),
    AMOUNT_RATIO("amount_ratio", "amount against the entity's typical (geometric mean) amount"),
    AMOUNT_ZSCORE("amount_zscore", "deviations of the (log) amount from the entity's habit"),
    NEW_DEVICE("new_device", "first sight of this device for the entity"),
    NEW_COUNTRY("new_country", "first sight of this country for the entity"),
    NEW_MERCHANT("new_merchant", "first sight of this merchant or payee for the entity"),
    NEW_PAYEES_1H("new_payees_1h", "first-seen merchants or payees in the last hour"),
    TRAVEL_SPEED_KMH("travel_speed_kmh", "speed implied by the country change since the previous event"),
    HOUR_UNUSUAL("hour_unusual", "how unusual this hour of day is for the entity (0 usual, 1 never seen)"),
    FAILED_SHARE_1H("failed_share_1h", "share of failed or declined attempts in the last hour"),
    MERCHANT_CATEGORY_RISK("merchant_category_risk", "inherent risk of the merchant category (0 to 1)"),
    MEAN_AMOUNT_1M("mean_amount_1m", "mean amount of the last minute's events"),
    RECENT_LOGIN_NOVELTY("recent_login_novelty", "a login from a new device in a new country within the last hour"),
    HISTORY("history", "events seen for this entity before this one");

    private static final Feature[] VALUES = values();

    private final String wireName;
    private final String description;

    Feature(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static int count() {
        return VALUES.length;
    }

    public static Feature at(int index) {
        return VALUES[index];
    }

    public static Feature fromWireName(String name) {
        for (Feature f : VALUES) {
            if (f.wireName.equals(name)) return f;
        }
        throw new IllegalArgumentException("unknown feature '" + name + "'");
    }
}
