package com.riskpulse.engine.feature;

import java.util.Map;

/**
 * Inherent risk of a merchant category code (ISO 18245 MCC), from 0 (groceries) to 1 (quasi-cash).
 * These defaults follow the categories card schemes and acquirers treat as high-risk; an unknown
 * category gets a middling value, a missing one none.
 */
public final class MerchantCategories {

    public static final double UNKNOWN_CATEGORY_RISK = 0.2;

    private static final Map<String, Double> RISK = Map.ofEntries(
            Map.entry("6051", 0.9),  // quasi-cash: crypto, money orders
            Map.entry("7995", 0.8),  // betting and gambling
            Map.entry("4829", 0.7),  // money transfer
            Map.entry("6540", 0.7),  // stored-value card load
            Map.entry("5967", 0.6),  // direct marketing, inbound telemarketing
            Map.entry("5944", 0.6),  // jewellery, watches
            Map.entry("5968", 0.5),  // direct marketing, subscriptions
            Map.entry("5732", 0.5),  // electronics
            Map.entry("5999", 0.4),  // miscellaneous retail
            Map.entry("4814", 0.4),  // telecom, prepaid top-ups
            Map.entry("6011", 0.3),  // ATM cash
            Map.entry("5311", 0.1),  // department stores
            Map.entry("5541", 0.1),  // fuel
            Map.entry("5411", 0.05), // groceries
            Map.entry("5812", 0.05), // restaurants
            Map.entry("5814", 0.05), // fast food
            Map.entry("4111", 0.05), // commuter transport
            Map.entry("4900", 0.05)  // utilities
    );

    /** By numeric code: looked up for every event, so an array index instead of hashing a fresh string each time. */
    private static final double[] BY_CODE = new double[10_000];

    static {
        java.util.Arrays.fill(BY_CODE, UNKNOWN_CATEGORY_RISK);
        RISK.forEach((code, risk) -> BY_CODE[Integer.parseInt(code)] = risk);
    }

    private MerchantCategories() {
    }

    public static double risk(String mcc) {
        if (mcc == null) return 0;
        int code = code(mcc);
        return code < 0 ? UNKNOWN_CATEGORY_RISK : BY_CODE[code];
    }

    /** The four-digit code as a number, or -1 when it is not four digits. */
    private static int code(String mcc) {
        if (mcc.length() != 4) return -1;
        int code = 0;
        for (int i = 0; i < 4; i++) {
            char c = mcc.charAt(i);
            if (c < '0' || c > '9') return -1;
            code = code * 10 + (c - '0');
        }
        return code;
    }
}
