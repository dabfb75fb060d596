package com.riskpulse.engine.event;

/** Outcome reported by the source system; failed and declined attempts feed the failure-share feature. */
public enum EventStatus {
    APPROVED,
    DECLINED,
    FAILED,
    PENDING;

    public boolean isFailure() {
        return this == DECLINED || this == FAILED;
    }
}
