package com.riskpulse.engine.event;

/** What happened. Money-moving types carry an amount; LOGIN and the account changes usually do not. */
public enum EventType {
    PAYMENT,
    TRANSFER,
    WITHDRAWAL,
    DEPOSIT,
    REFUND,
    LOGIN,
    PASSWORD_CHANGE,
    DEVICE_CHANGE;

    /** Money leaving the account: the types velocity and amount habits are measured on. */
    public boolean movesMoneyOut() {
        return this == PAYMENT || this == TRANSFER || this == WITHDRAWAL;
    }
}
