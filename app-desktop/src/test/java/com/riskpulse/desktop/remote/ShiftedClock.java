package com.riskpulse.desktop.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved on by hand: the engine behind the server and the client under test both read it, so a test
 * lets an hour pass at once while everything else (the pipeline, timeouts) keeps running in real time.
 */
final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    /** Moves time on; called from the test's thread only. */
    void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) return this;
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
