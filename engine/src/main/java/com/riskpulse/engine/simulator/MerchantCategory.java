package com.riskpulse.engine.simulator;

import java.util.random.RandomGenerator;

/**
 * The merchant category codes (MCC) the simulator uses, with how common each is among shops and online
 * merchants and how much a typical purchase there costs relative to the entity's habit.
 */
public enum MerchantCategory {
    GROCERY("5411", 30, 0, 1.0, false),
    RESTAURANT("5812", 20, 0, 0.9, false),
    FUEL("5541", 10, 0, 1.4, false),
    DEPARTMENT_STORE("5311", 8, 10, 1.8, false),
    PHARMACY("5912", 6, 0, 0.6, false),
    TRANSIT("4111", 6, 0, 0.3, false),
    MISC_RETAIL("5999", 10, 30, 1.0, false),
    DIRECT_MARKETING("5968", 0, 25, 0.8, false),
    ELECTRONICS("5732", 4, 12, 3.5, true),
    HOTEL("7011", 3, 6, 4.0, false),
    AIRLINE("4511", 1, 6, 8.0, false),
    MONEY_TRANSFER("4829", 1, 4, 4.0, true),
    GAMBLING("7995", 1, 4, 1.5, true),
    QUASI_CASH("6051", 1, 3, 3.0, true);

    private static final MerchantCategory[] VALUES = values();

    private final String code;
    private final double physicalWeight;
    private final double onlineWeight;
    private final double amountFactor;
    private final boolean risky;

    MerchantCategory(String code, double physicalWeight, double onlineWeight, double amountFactor, boolean risky) {
        this.code = code;
        this.physicalWeight = physicalWeight;
        this.onlineWeight = onlineWeight;
        this.amountFactor = amountFactor;
        this.risky = risky;
    }

    /** The four-digit MCC as it appears in {@code merchant_category}. */
    public String code() {
        return code;
    }

    /** Typical purchase here relative to the entity's everyday purchase. */
    public double amountFactor() {
        return amountFactor;
    }

    /** Categories fraudsters favour because the goods resell or the money leaves quickly. */
    public boolean risky() {
        return risky;
    }

    /** The category with this MCC, or null. */
    public static MerchantCategory ofCode(String code) {
        for (MerchantCategory category : VALUES) {
            if (category.code.equals(code)) return category;
        }
        return null;
    }

    static MerchantCategory pick(RandomGenerator rnd, boolean online) {
        double total = 0;
        for (MerchantCategory category : VALUES) total += category.weight(online);
        double r = rnd.nextDouble() * total;
        for (MerchantCategory category : VALUES) {
            r -= category.weight(online);
            if (r < 0) return category;
        }
        return online ? MISC_RETAIL : GROCERY;
    }

    double weight(boolean online) {
        return online ? onlineWeight : physicalWeight;
    }
}
