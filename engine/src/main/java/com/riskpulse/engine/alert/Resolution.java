package com.riskpulse.engine.alert;

/** How an analyst closed an alert. */
public enum Resolution {
    CONFIRMED_FRAUD,
    FALSE_POSITIVE,
    BENIGN,
    DUPLICATE
}
