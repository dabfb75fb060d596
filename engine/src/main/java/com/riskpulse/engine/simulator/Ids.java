package com.riskpulse.engine.simulator;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Opaque ids drawn from a seeded random, so that they repeat exactly with the seed. */
final class Ids {

    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    /** {@code digits} (at most 16) lowercase hex digits. */
    static String hex(RandomGenerator rnd, int digits) {
        return HEX.toHexDigits(rnd.nextLong()).substring(16 - digits);
    }

    static String device(RandomGenerator rnd) {
        return "d-" + hex(rnd, 10);
    }

    static String payee(RandomGenerator rnd) {
        return "p-" + hex(rnd, 8);
    }
}
