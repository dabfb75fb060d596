package com.riskpulse.desktop.statusbar;

import java.time.Instant;
import java.util.Arrays;

/**
 * The console's own lag: from an assessment's {@code scored_at} to the frame that draws it, as a median over the last
 * second. A fixed ring of samples (bounded memory at any rate: at 5,000 events/s the ring still holds the last second
 * or most of it); the median is computed on demand, which the view-models do a few times a second, not per event.
 */
public final class ScreenLag {

    /** Samples kept at most. */
    public static final int CAPACITY = 8192;
    private static final long WINDOW_MILLIS = 1000;

    private final long[] frameMillis = new long[CAPACITY];
    private final long[] lagMillis = new long[CAPACITY];
    private final long[] consoleMicros = new long[CAPACITY];
    private int next;
    private int size;

    /** Records that an assessment scored at {@code scoredAt} reached the frame drawn at {@code frame}. */
    public void record(Instant scoredAt, Instant frame) {
        record(scoredAt, frame, 0, 0);
    }

    /**
     * As {@link #record(Instant, Instant)}, with the part spent in the console: from the client handing the assessment
     * over ({@code receivedNanos}, {@code System.nanoTime()}) to the frame ({@code frameNanos}).
     */
    public void record(Instant scoredAt, Instant frame, long receivedNanos, long frameNanos) {
        if (scoredAt == null) return;
        long frameMs = frame.toEpochMilli();
        frameMillis[next] = frameMs;
        lagMillis[next] = Math.max(0, frameMs - scoredAt.toEpochMilli());
        consoleMicros[next] = Math.max(0, (frameNanos - receivedNanos) / 1000);
        next = (next + 1) % CAPACITY;
        if (size < CAPACITY) size++;
    }

    /** The median lag in milliseconds of the samples drawn in the second before {@code now}; -1 when there are none. */
    public long medianMillis(Instant now) {
        return median(now, lagMillis);
    }

    /** The median of the console's part (client → frame) in microseconds, over the last second; -1 when none. */
    public long consoleMedianMicros(Instant now) {
        return median(now, consoleMicros);
    }

    private long median(Instant now, long[] values) {
        long from = now.toEpochMilli() - WINDOW_MILLIS;
        long[] recent = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (frameMillis[i] > from) recent[n++] = values[i];
        }
        if (n == 0) return -1;
        Arrays.sort(recent, 0, n);
        return recent[n / 2];
    }

    /** Samples held (at most {@link #CAPACITY}). */
    public int size() {
        return size;
    }
}
