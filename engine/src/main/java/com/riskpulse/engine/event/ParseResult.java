package com.riskpulse.engine.event;

/** The outcome of reading one untrusted input: an event, or the reason it is not one. */
public sealed interface ParseResult {

    record Accepted(RiskEvent event) implements ParseResult {}

    record Rejected(Rejection rejection) implements ParseResult {}
}
