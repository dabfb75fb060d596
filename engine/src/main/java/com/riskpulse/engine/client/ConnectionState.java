package com.riskpulse.engine.client;

/** The state of a client's live connection, for the status bar. */
public enum ConnectionState {
    /** The stream is flowing (an embedded engine always is). */
    CONNECTED,
    /** The connection dropped; the client is trying again. */
    RECONNECTING,
    /** Closed by the user (log out, quit) or refused for good (the session ended). */
    DISCONNECTED
}
