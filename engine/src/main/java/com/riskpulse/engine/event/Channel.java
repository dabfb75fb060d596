package com.riskpulse.engine.event;

/** Where the event came from. Card-not-present is where card testing happens. */
public enum Channel {
    CARD_PRESENT,
    CARD_NOT_PRESENT,
    ONLINE_BANKING,
    MOBILE_APP,
    ATM,
    BRANCH,
    API
}
