package com.riskpulse.engine.feature;

/**
 * The last few distinct values seen (by hash), for "first sight of a device, a country, a payee", kept
 * in a slice of an entity's int array: per entry the value's hash (0 = empty) and the minute it was
 * last seen. Fixed size: when full, the value seen longest ago is forgotten. A forgotten device that
 * comes back counts as new again — an acceptable false alarm in exchange for bounded state.
 */
final class RecentSet {

    private RecentSet() {
    }

    /** Ints a set of {@code capacity} entries takes. */
    static int size(int capacity) {
        return 2 * capacity;
    }

    /** Records {@code value} at {@code millis}; answers whether it was unknown before. Null is ignored (not new). */
    static boolean addAndCheckNew(int[] a, int from, int capacity, String value, long millis) {
        if (value == null) return false;
        int hash = hash(value);
        int minute = (int) (millis / 60_000);
        int end = from + 2 * capacity;
        int oldest = from;
        for (int i = from; i < end; i += 2) {
            if (a[i] == hash) {
                a[i + 1] = Math.max(a[i + 1], minute);
                return false;
            }
            if (a[i] == 0) {
                a[i] = hash;
                a[i + 1] = minute;
                return true;
            }
            if (a[i + 1] < a[oldest + 1]) oldest = i;
        }
        a[oldest] = hash;
        a[oldest + 1] = minute;
        return true;
    }

    /** Whether {@code value} is known, without recording it. Null counts as known (nothing new about it). */
    static boolean contains(int[] a, int from, int capacity, String value) {
        if (value == null) return true;
        int hash = hash(value);
        for (int i = from, end = from + 2 * capacity; i < end; i += 2) {
            if (a[i] == hash) return true;
            if (a[i] == 0) return false; // entries fill from the front and are never removed
        }
        return false;
    }

    private static int hash(String value) {
        int hash = value.hashCode();
        return hash == 0 ? 1 : hash; // 0 marks an empty slot
    }
}
