package com.riskpulse.server.stream;

/** What {@link RiskStreamHub#connect} did with a new client. */
public sealed interface ConnectOutcome {

    /** Connected with this subscription (the requested one, less the types the actor may not read). */
    record Connected(Subscription subscription) implements ConnectOutcome {
    }

    /** Not connected; the hub already closed the channel with {@code code}. */
    record Refused(int code, String reason) implements ConnectOutcome {
    }
}
