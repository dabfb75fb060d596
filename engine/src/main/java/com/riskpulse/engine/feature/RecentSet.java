package com.riskpulse.engine.feature;

/**
 * The last few distinct values seen (by hash), for "first sight of a device, a country, a payee".
 * Fixed size: when full, the value seen longest ago is forgotten. A forgotten device that comes
 * back counts as new again — an acceptable false alarm in exchange for bounded state.
 */
final class RecentSet {

    private final int[] hashes;
    /** minutes since the epoch: fine enough to find the stalest entry, and half the bytes of millis */
    private final int[] lastSeen;

    RecentSet(int capacity) {
        hashes = new int[capacity];
        lastSeen = new int[capacity];
    }

    /** Records {@code value} at {@code millis}; answers whether it was unknown before. Null is ignored (not new). */
    boolean addAndCheckNew(String value, long millis) {
        if (value == null) return false;
        int minute = (int) (millis / 60_000);
        int hash = value.hashCode();
        if (hash == 0) hash = 1; // 0 marks an empty slot
        int oldest = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (hashes[i] == hash) {
                lastSeen[i] = Math.max(lastSeen[i], minute);
                return false;
            }
            if (hashes[i] == 0) {
                hashes[i] = hash;
                lastSeen[i] = minute;
                return true;
            }
            if (lastSeen[i] < lastSeen[oldest]) oldest = i;
        }
        hashes[oldest] = hash;
        lastSeen[oldest] = minute;
        return true;
    }

    /** Whether {@code value} is known, without recording it. */
    boolean contains(String value) {
        if (value == null) return true;
        int hash = value.hashCode();
        if (hash == 0) hash = 1;
        for (int h : hashes) {
            if (h == hash) return true;
        }
        return false;
    }
}
