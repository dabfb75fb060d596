package com.riskpulse.engine.feature;

/**
 * Everything the features remember about one entity. Bounded: a fixed number of window buckets,
 * a few recent devices, countries and payees, a 24-slot hour histogram and running amount moments —
 * never a list of past events. Owned by exactly one partition worker, so it needs no locks.
 * The size is measured by {@code EntityStateSizeTest} and written down in docs/benchmarks.md.
 */
public final class EntityState {

    static final int DEVICES = 8;
    static final int COUNTRIES = 6;
    static final int PAYEES = 16;
    static final int RECENT_EVENT_IDS = 16;
    /** The running amount moments forget slowly after this many events, so habits can change. */
    static final int AMOUNT_MEMORY = 200;

    final WindowCounters windows = new WindowCounters();
    final RecentSet devices = new RecentSet(DEVICES);
    final RecentSet countries = new RecentSet(COUNTRIES);
    final RecentSet payees = new RecentSet(PAYEES);
    final short[] hourHistogram = new short[24];
    /** hashes of the last event ids, to score a re-delivered event only once */
    final long[] recentEventIds = new long[RECENT_EVENT_IDS];
    int recentEventCursor;

    long newestMillis = Long.MIN_VALUE;
    int seen;

    int amountCount;
    double logAmountMean;
    double logAmountM2;

    String lastCountry;
    long lastCountryMillis = Long.MIN_VALUE;
    long lastNoveltyLoginMillis = Long.MIN_VALUE;

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

    boolean rememberEventId(long hash) {
        for (long h : recentEventIds) {
            if (h == hash) return false;
        }
        recentEventIds[recentEventCursor] = hash;
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
        if (++hourHistogram[hour] == Short.MAX_VALUE) {
            for (int i = 0; i < 24; i++) hourHistogram[i] >>= 1; // halve: keeps proportions, bounds the counts
        }
    }
}
