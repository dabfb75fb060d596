package com.riskpulse.engine.feature;

/**
 * Everything the features remember about one entity. Bounded: a fixed number of window buckets,
 * a few recent devices, countries and payees, a 24-slot hour histogram and running amount moments —
 * never a list of past events. Owned by exactly one partition worker, so it needs no locks.
 *
 * <p>Laid out flat: the windows, recent sets, hour histogram and recent event ids share one {@code int[]},
 * amounts one {@code double[]}. Scoring is bound by cache misses on the states of thousands of entities;
 * two arrays read without pointer chasing cost far fewer misses than a tree of small objects (measured in
 * docs/benchmarks.md). {@link Windows} and {@link RecentSet} work on slices of these arrays.
 * The size is measured by {@code EntityStateSizeTest}.
 */
public final class EntityState {

    static final int DEVICES = 8;
    static final int COUNTRIES = 6;
    static final int PAYEES = 16;
    static final int RECENT_EVENT_IDS = 8;
    /** The running amount moments forget slowly after this many events, so habits can change. */
    static final int AMOUNT_MEMORY = 200;

    // layout of ints[]: windows first (slots, then per-window running totals), then the small sets
    static final int DEVICES_AT = Windows.INTS;
    static final int COUNTRIES_AT = DEVICES_AT + RecentSet.size(DEVICES);
    static final int PAYEES_AT = COUNTRIES_AT + RecentSet.size(COUNTRIES);
    static final int HOURS_AT = PAYEES_AT + RecentSet.size(PAYEES);
    static final int EVENT_IDS_AT = HOURS_AT + 24;
    static final int INTS = EVENT_IDS_AT + 2 * RECENT_EVENT_IDS;

    final int[] ints = new int[INTS];
    final double[] doubles = new double[Windows.DOUBLES];
    int recentEventCursor;
    long hourTotal;

    long newestMillis = Long.MIN_VALUE;
    int seen;

    int amountCount;
    double logAmountMean;
    double logAmountM2;

    String lastCountry;
    long lastCountryMillis = Long.MIN_VALUE;
    long lastNoveltyLoginMillis = Long.MIN_VALUE;

    public EntityState() {
        Windows.init(this);
    }

    /** Events seen for this entity (saturating). */
    public int seen() {
        return seen;
    }

    /** The newest event time seen, in epoch milliseconds ({@code Long.MIN_VALUE} before the first). */
    public long newestMillis() {
        return newestMillis;
    }

    /**
     * The entity's typical amount moved out: the geometric mean, which one big purchase does not drag
     * up the way it drags an arithmetic mean. The baseline of the amount features; 0 before any.
     */
    public double typicalAmount() {
        return amountCount == 0 ? 0 : Math.exp(logAmountMean) - 1; // exp is an intrinsic, expm1 is not
    }

    /** Remembers the event id's hash; false when it is among the last few already. */
    boolean rememberEventId(long hash) {
        int hi = (int) (hash >>> 32), lo = (int) hash;
        for (int i = EVENT_IDS_AT; i < INTS; i += 2) {
            if (ints[i] == hi && ints[i + 1] == lo) return false;
        }
        int at = EVENT_IDS_AT + 2 * recentEventCursor;
        ints[at] = hi;
        ints[at + 1] = lo;
        recentEventCursor = (recentEventCursor + 1) % RECENT_EVENT_IDS;
        return true;
    }

    void recordAmount(double amount) {
        // Welford's update with the count capped: an exponentially forgetting mean and variance
        amountCount = Math.min(amountCount + 1, AMOUNT_MEMORY);
        double log = logAmount(amount);
        double delta = log - logAmountMean;
        logAmountMean += delta / amountCount;
        logAmountM2 += delta * (log - logAmountMean);
        if (amountCount == AMOUNT_MEMORY) {
            logAmountM2 *= (AMOUNT_MEMORY - 1.0) / AMOUNT_MEMORY;
        }
    }

    /** log(1 + amount) through the intrinsic Math.log: StrictMath's log1p costs several times more on the hot path. */
    static double logAmount(double amount) {
        return Math.log(1 + amount);
    }

    double logAmountStdDev() {
        return amountCount < 2 ? 0 : Math.sqrt(logAmountM2 / (amountCount - 1));
    }

    void recordHour(int hour) {
        hourTotal++;
        if (++ints[HOURS_AT + hour] == Integer.MAX_VALUE) {
            hourTotal = 0;
            for (int i = HOURS_AT; i < HOURS_AT + 24; i++) {
                ints[i] >>= 1; // halve: keeps proportions, bounds the counts
                hourTotal += ints[i];
            }
        }
    }

    /** Events counted in the hour histogram. */
    long hourTotal() {
        return hourTotal;
    }

    int hourCount(int hour) {
        return ints[HOURS_AT + hour];
    }
}
