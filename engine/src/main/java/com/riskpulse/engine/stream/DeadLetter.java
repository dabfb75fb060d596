package com.riskpulse.engine.stream;

import com.riskpulse.engine.event.Rejection;

import java.time.Instant;

/** An input a stream source could not turn into an event: kept, never silently dropped. */
public record DeadLetter(String source, Rejection rejection, Instant at) {}
