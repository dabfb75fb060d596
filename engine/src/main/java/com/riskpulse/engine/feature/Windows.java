package com.riskpulse.engine.feature;

import java.time.Duration;

/**
 * Event-time sliding windows of 1 minute, 1 hour and 24 hours over an entity's state, kept as rings of
 * buckets so that the state is fixed in size whatever the event rate: no list of past events is ever
 * kept. A window slides in steps of one bucket (5 s, 5 min, 1 h), the price of bounded memory, and
 * small against the window lengths.
 *
 * <p>Each window also keeps running totals, updated when an event comes in and when a bucket slides
 * out, so reading a window costs nothing and an event touches only the buckets it lands in. The totals
 * are those of the window ending at the newest bucket seen — which is where features are always read,
 * since an event is scored after it has been folded in.
 *
 * <p>Layout in {@link EntityState#ints}: per bucket (bucket number, count, failures, first-seen payees),
 * then per window (newest bucket, count, failures, payees). In {@link EntityState#doubles}: per bucket
 * the amount moved out, then per window the running amount.
 */
final class Windows {

    enum Window {
        MINUTE(Duration.ofSeconds(5), 12),
        HOUR(Duration.ofMinutes(5), 12),
        DAY(Duration.ofHours(1), 24);

        final long bucketMillis;
        final int buckets;
        int firstBucket; // index of this window's first bucket among all buckets

        Window(Duration bucket, int buckets) {
            this.bucketMillis = bucket.toMillis();
            this.buckets = buckets;
        }
    }

    /** What a window holds: counts, amount out, failures and first-seen payees. */
    record Totals(int count, double amount, int failures, int newPayees) {}

    private static final Window[] WINDOWS = Window.values();
    private static final int BUCKETS;
    private static final int ID = 0, COUNT = 1, FAILURES = 2, PAYEES = 3, STRIDE = 4;
    private static final int EMPTY = Integer.MIN_VALUE;

    static {
        int n = 0;
        for (Window w : WINDOWS) {
            w.firstBucket = n;
            n += w.buckets;
        }
        BUCKETS = n;
    }

    private static final int TOTALS_AT = BUCKETS * STRIDE;
    /** Ints and doubles the windows take at the start of the entity's arrays. */
    static final int INTS = TOTALS_AT + WINDOWS.length * STRIDE;
    static final int DOUBLES = BUCKETS + WINDOWS.length;

    private Windows() {
    }

    static void init(EntityState s) {
        for (int b = 0; b < BUCKETS; b++) s.ints[b * STRIDE + ID] = EMPTY;
        for (Window w : WINDOWS) s.ints[TOTALS_AT + w.ordinal() * STRIDE + ID] = EMPTY;
    }

    /** Adds one event at event time {@code millis}. A bucket that has already slid out of a window is skipped for that window. */
    static void add(EntityState s, long millis, double amountOut, boolean failed, boolean newPayee) {
        for (Window w : WINDOWS) add(s.ints, s.doubles, w, millis, amountOut, failed, newPayee);
    }

    /** The totals of window {@code w} ending at the newest bucket seen. */
    static Totals totals(EntityState s, Window w) {
        int t = TOTALS_AT + w.ordinal() * STRIDE;
        return new Totals(s.ints[t + COUNT], s.doubles[BUCKETS + w.ordinal()], s.ints[t + FAILURES], s.ints[t + PAYEES]);
    }

    private static void add(int[] ints, double[] doubles, Window w, long millis, double amountOut, boolean failed, boolean newPayee) {
        int t = TOTALS_AT + w.ordinal() * STRIDE;
        int id = (int) Math.floorDiv(millis, w.bucketMillis);
        if (id > ints[t + ID]) slideTo(ints, doubles, w, t, id);
        if (id <= ints[t + ID] - w.buckets) return; // a late event older than this window: nothing to count into
        int bucket = w.firstBucket + Math.floorMod(id, w.buckets);
        int b = bucket * STRIDE;
        if (ints[b + ID] != id) { // first event of this bucket (a late one may land in a bucket never used)
            ints[b + ID] = id;
            ints[b + COUNT] = 0;
            ints[b + FAILURES] = 0;
            ints[b + PAYEES] = 0;
            doubles[bucket] = 0;
        }
        ints[b + COUNT]++;
        ints[t + COUNT]++;
        doubles[bucket] += amountOut;
        doubles[BUCKETS + w.ordinal()] += amountOut;
        if (failed) {
            ints[b + FAILURES]++;
            ints[t + FAILURES]++;
        }
        if (newPayee) {
            ints[b + PAYEES]++;
            ints[t + PAYEES]++;
        }
    }

    /**
     * Moves window {@code w} forward to end at bucket {@code id}, taking the buckets that leave it out of
     * the totals. Touches only the leaving buckets, or none when the whole window is left behind (the usual
     * case for the short windows of an entity that is not in a burst). A bucket is reset when a new bucket
     * number first lands in it, not when it leaves.
     */
    private static void slideTo(int[] ints, double[] doubles, Window w, int t, int id) {
        int newest = ints[t + ID];
        int total = BUCKETS + w.ordinal();
        if (newest == EMPTY || id - newest >= w.buckets) {
            ints[t + COUNT] = ints[t + FAILURES] = ints[t + PAYEES] = 0;
            doubles[total] = 0;
        } else {
            for (int leaving = newest - w.buckets + 1, firstKept = id - w.buckets + 1; leaving < firstKept; leaving++) {
                int bucket = w.firstBucket + Math.floorMod(leaving, w.buckets);
                int b = bucket * STRIDE;
                if (ints[b + ID] == leaving) {
                    ints[t + COUNT] -= ints[b + COUNT];
                    ints[t + FAILURES] -= ints[b + FAILURES];
                    ints[t + PAYEES] -= ints[b + PAYEES];
                    doubles[total] -= doubles[bucket];
                }
            }
            if (ints[t + COUNT] == 0) doubles[total] = 0; // no floating-point residue in an empty window
        }
        ints[t + ID] = id;
    }
}
