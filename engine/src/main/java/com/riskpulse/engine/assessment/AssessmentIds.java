package com.riskpulse.engine.assessment;

import java.time.Clock;

/**
 * Issues assessment ids that are unique across nodes and ordered by time, so that the newest-first
 * listing and key-based paging need no database sequence: 41 bits of milliseconds since 2025-01-01,
 * 10 bits of node id, 12 bits of sequence within the millisecond. Thread-safe.
 */
public final class AssessmentIds {

    static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
    private static final int NODE_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long node;
    private long lastMillis = -1;
    private long sequence;

    public AssessmentIds(int node, Clock clock) {
        if (node < 0 || node >= (1 << NODE_BITS)) {
            throw new IllegalArgumentException("node id must be in [0, " + ((1 << NODE_BITS) - 1) + "], got " + node);
        }
        this.node = node;
        this.clock = clock;
    }

    public AssessmentIds(int node) {
        this(node, Clock.systemUTC());
    }

    public synchronized long next() {
        long now = Math.max(clock.millis(), lastMillis); // never go back when the clock does
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1; // sequence exhausted: borrow the next millisecond
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }

    /** The lowest id that could have been issued at {@code epochMillis}: turns a time bound into a key bound. */
    public static long lowestAt(long epochMillis) {
        return (epochMillis - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS);
    }

    public static long millisOf(long id) {
        return (id >>> (NODE_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS;
    }
}
