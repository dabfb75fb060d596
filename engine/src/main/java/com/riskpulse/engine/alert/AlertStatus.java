package com.riskpulse.engine.alert;

/** Where an alert is in its lifecycle: OPEN → ACKNOWLEDGED → RESOLVED (resolving straight from OPEN is allowed). */
public enum AlertStatus {
    /** Raised, nobody has looked at it yet. */
    OPEN,
    /** An analyst has taken it up; new events of its entity still attach to it. */
    ACKNOWLEDGED,
    /** Closed with a {@link Resolution}; the entity's next high-risk event opens a new alert. */
    RESOLVED;

    /** OPEN and ACKNOWLEDGED alerts collect their entity's new high-risk events. */
    public boolean isOpen() {
        return this != RESOLVED;
    }
}
