package com.riskpulse.engine.score;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;

import java.util.List;

import static com.riskpulse.engine.feature.Feature.*;
import static com.riskpulse.engine.score.RiskRule.params;

/**
 * The built-in rules, each one readable on its own. They encode patterns the weighted features
 * see only in part: a combination ("new device AND new country"), or a shape (many tiny payments).
 */
public final class RiskRules {

    /** Fraudsters check stolen card numbers with a burst of tiny online payments. */
    public static final RiskRule CARD_TESTING = new RiskRule("card_testing",
            "a burst of small card-not-present payments within a minute",
            4.0, params("min_count_1m", 5, "max_mean_amount", 10),
            (e, f, p) -> e.channel() == Channel.CARD_NOT_PRESENT && e.type() == EventType.PAYMENT
                    && f.get(COUNT_1M) >= p[0] && f.get(MEAN_AMOUNT_1M) <= p[1]);

    /** A login from a device and a country the account has never used: the classic takeover entry. */
    public static final RiskRule NEW_DEVICE_AND_FOREIGN_COUNTRY = new RiskRule("new_device_and_foreign_country",
            "a never-seen device in a never-seen country",
            3.0, params(),
            (e, f, p) -> f.flag(NEW_DEVICE) && f.flag(NEW_COUNTRY));

    /** Money leaving soon after a suspicious login, for much more than usual: takeover cash-out. */
    public static final RiskRule TAKEOVER_CASH_OUT = new RiskRule("takeover_cash_out",
            "a large transfer within an hour of a login from a new device in a new country",
            4.0, params("min_amount_ratio", 3),
            (e, f, p) -> f.flag(RECENT_LOGIN_NOVELTY) && (e.type() == EventType.TRANSFER || e.type() == EventType.WITHDRAWAL)
                    && f.get(AMOUNT_RATIO) >= p[0]);

    /** Two countries further apart than any flight between two events. */
    public static final RiskRule IMPOSSIBLE_TRAVEL = new RiskRule("impossible_travel",
            "a country change faster than travel allows",
            2.5, params("min_speed_kmh", 1_000),
            (e, f, p) -> f.get(TRAVEL_SPEED_KMH) >= p[0]);

    /** One payment many times the entity's habit. On its own it is often a genuine big purchase: a modest boost. */
    public static final RiskRule AMOUNT_SPIKE = new RiskRule("amount_spike",
            "an amount far above the entity's habit",
            1.5, params("min_amount_ratio", 8),
            (e, f, p) -> f.get(AMOUNT_RATIO) >= p[0]);

    /** A large amount at a never-used merchant in a category fraudsters cash out through (electronics, crypto, gambling). */
    public static final RiskRule RISKY_NEW_MERCHANT_SPIKE = new RiskRule("risky_new_merchant_spike",
            "a large amount at a first-seen merchant in a high-risk category",
            2.0, params("min_amount_ratio", 5, "min_category_risk", 0.5),
            (e, f, p) -> f.flag(NEW_MERCHANT) && f.get(AMOUNT_RATIO) >= p[0] && f.get(MERCHANT_CATEGORY_RISK) >= p[1]);

    /** Money fanned out to many new payees: a mule account emptying itself. */
    public static final RiskRule MULE_FAN_OUT = new RiskRule("mule_fan_out",
            "transfers to many first-seen payees within an hour",
            3.0, params("min_new_payees_1h", 4),
            (e, f, p) -> e.type() == EventType.TRANSFER && f.get(NEW_PAYEES_1H) >= p[0]);

    /** Many failed or declined attempts: guessing credentials or card data. */
    public static final RiskRule FAILED_ATTEMPTS = new RiskRule("failed_attempts",
            "most of the last hour's attempts failed or were declined",
            1.5, params("min_failed_share", 0.5, "min_count_1h", 5),
            (e, f, p) -> f.get(FAILED_SHARE_1H) >= p[0] && f.get(COUNT_1H) >= p[1]);

    public static final List<RiskRule> ALL = List.of(CARD_TESTING, NEW_DEVICE_AND_FOREIGN_COUNTRY, TAKEOVER_CASH_OUT,
            IMPOSSIBLE_TRAVEL, AMOUNT_SPIKE, RISKY_NEW_MERCHANT_SPIKE, MULE_FAN_OUT, FAILED_ATTEMPTS);

    private RiskRules() {
    }

    public static RiskRule byName(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule '" + name + "'; known: "
                        + ALL.stream().map(RiskRule::name).toList()));
    }
}
