package com.riskpulse.engine.auth;

/** Where an action came from, as recorded in the audit trail. */
public enum Origin {
    /** The JavaFX console, embedded or remote. */
    CONSOLE,
    /** The REST or WebSocket API. */
    API,
    /** The engine itself: the alert policy, bootstrap, retention. */
    SYSTEM
}
