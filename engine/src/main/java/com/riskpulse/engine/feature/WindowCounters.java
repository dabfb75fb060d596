package com.riskpulse.engine.feature;

import java.time.Duration;

/**
 * Event-time sliding windows of 1 minute, 1 hour and 24 hours, kept as rings of buckets so that the
 * state per entity is fixed in size whatever the event rate: no list of past events is ever kept.
 * A window's value is the sum of the buckets whose start lies within it, so it slides in steps of one
 * bucket (5 s, 5 min and 1 h): the price of bounded memory, and small against the window lengths.
 *
 * <p>Each bucket holds the event count, the amount moved out, the failed attempts and the first-seen
 * payees. Single-threaded: owned by one partition worker.
 */
final class WindowCounters {

    enum Window {
        MINUTE(Duration.ofSeconds(5), 12),
        HOUR(Duration.ofMinutes(5), 12),
        DAY(Duration.ofHours(1), 24);

        final long bucketMillis;
        final int buckets;
        final long lengthMillis;
        int offset;

        Window(Duration bucket, int buckets) {
            this.bucketMillis = bucket.toMillis();
            this.buckets = buckets;
            this.lengthMillis = bucketMillis * buckets;
        }

        static final int TOTAL_BUCKETS;

        static {
            int offset = 0;
            for (Window w : values()) {
                w.offset = offset;
                offset += w.buckets;
            }
            TOTAL_BUCKETS = offset;
        }
    }

    private static final Window[] WINDOWS = Window.values();
    private static final int MAX_SMALL = 0xFFFF;

    /** bucket number (event millis / bucket length) each slot holds, 0 = never used; an int lasts until 2310 */
    private final int[] bucketIds = new int[Window.TOTAL_BUCKETS];
    private final int[] counts = new int[Window.TOTAL_BUCKETS];
    private final double[] amounts = new double[Window.TOTAL_BUCKETS];
    /** failed attempts in the high 16 bits, first-seen payees in the low 16, each saturating */
    private final int[] flags = new int[Window.TOTAL_BUCKETS];

    /** Adds one event at event time {@code millis}. A bucket that has already slid out of a window is skipped for that window. */
    void add(long millis, double amountOut, boolean failed, boolean newPayee) {
        for (Window w : WINDOWS) {
            int id = (int) Math.floorDiv(millis, w.bucketMillis);
            int slot = w.offset + Math.floorMod(id, w.buckets);
            if (bucketIds[slot] != id) {
                if (bucketIds[slot] > id) {
                    continue; // a late event older than this window's oldest bucket: nothing to count into
                }
                bucketIds[slot] = id;
                counts[slot] = 0;
                amounts[slot] = 0;
                flags[slot] = 0;
            }
            counts[slot]++;
            amounts[slot] += amountOut;
            int failedCount = (flags[slot] >>> 16) + (failed ? 1 : 0);
            int payees = (flags[slot] & MAX_SMALL) + (newPayee ? 1 : 0);
            flags[slot] = (Math.min(failedCount, MAX_SMALL) << 16) | Math.min(payees, MAX_SMALL);
        }
    }

    /** What a window holds: counts, amount out, failures and first-seen payees. */
    record Totals(int count, double amount, int failures, int newPayees) {}

    /** The totals of window {@code w} ending at {@code nowMillis}, in one pass over its buckets. */
    Totals totals(Window w, long nowMillis) {
        int current = (int) Math.floorDiv(nowMillis, w.bucketMillis);
        int oldest = current - w.buckets;
        int count = 0, failed = 0, payees = 0;
        double amount = 0;
        for (int i = w.offset, end = w.offset + w.buckets; i < end; i++) {
            int id = bucketIds[i];
            if (id > oldest && id <= current) {
                count += counts[i];
                amount += amounts[i];
                failed += flags[i] >>> 16;
                payees += flags[i] & MAX_SMALL;
            }
        }
        return new Totals(count, amount, failed, payees);
    }
}
