package com.riskpulse.server.stream;

import java.time.Duration;

/**
 * Limits of the live stream.
 *
 * @param bufferCapacity messages queued per client before coalescing starts
 * @param stuckLimit     how long a client may be unable to take messages (buffer full, sends refused or one
 *                       send blocked) before it is disconnected with 1008
 * @param statsInterval  how often the stats message goes out
 * @param maxClients     connections beyond this are refused with 1013
 */
public record StreamSettings(int bufferCapacity, Duration stuckLimit, Duration statsInterval, int maxClients) {

    public static final StreamSettings DEFAULTS = new StreamSettings(1024, Duration.ofSeconds(10), Duration.ofSeconds(1), 200);

    public StreamSettings {
        if (bufferCapacity < 1) throw new IllegalArgumentException("bufferCapacity must be positive");
        if (stuckLimit.isNegative() || stuckLimit.isZero()) throw new IllegalArgumentException("stuckLimit must be positive");
        if (statsInterval.isNegative() || statsInterval.isZero()) throw new IllegalArgumentException("statsInterval must be positive");
        if (maxClients < 1) throw new IllegalArgumentException("maxClients must be positive");
    }
}
