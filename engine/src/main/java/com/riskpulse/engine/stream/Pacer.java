package com.riskpulse.engine.stream;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Holds a source back so that event time passes {@code speedFactor} times as fast as wall time. It
 * sleeps (in short slices, so that a stopping pipeline is noticed) and never spins.
 *
 * <p>When the pipeline holds the source back for more than a second (backpressure), the pacer starts
 * afresh from the current event instead of bursting to catch up; event time that goes backwards (an
 * out-of-order file) is not waited for.
 */
public final class Pacer {

    private static final long MAX_LAG_NANOS = 1_000_000_000L;
    private static final long SLICE_NANOS = 100_000_000L;

    private final double speedFactor;
    private boolean anchored;
    private long anchorEventMillis;
    private long anchorNanos;
    private long newestEventMillis;

    /** {@code speedFactor} 0 (or less) never waits. */
    public Pacer(double speedFactor) {
        this.speedFactor = speedFactor;
    }

    public boolean paced() {
        return speedFactor > 0;
    }

    /**
     * Waits until the event at {@code eventMillis} is due. Returns false, early, if {@code running}
     * turns false meanwhile (then the event should not be emitted).
     */
    public boolean await(long eventMillis, BooleanSupplier running) throws InterruptedException {
        if (!paced()) return true;
        long now = System.nanoTime();
        if (!anchored) {
            anchor(eventMillis, now);
            return true;
        }
        if (eventMillis <= newestEventMillis) return true;
        newestEventMillis = eventMillis;
        long due = anchorNanos + (long) ((eventMillis - anchorEventMillis) * 1_000_000.0 / speedFactor);
        if (now - due > MAX_LAG_NANOS) {
            anchor(eventMillis, now);
            return true;
        }
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            if (!running.getAsBoolean()) return false;
            Thread.sleep(Duration.ofNanos(Math.min(wait, SLICE_NANOS)));
        }
        return running.getAsBoolean();
    }

    private void anchor(long eventMillis, long nanos) {
        anchored = true;
        anchorEventMillis = eventMillis;
        anchorNanos = nanos;
        newestEventMillis = eventMillis;
    }
}
