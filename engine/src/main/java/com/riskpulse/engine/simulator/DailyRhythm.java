package com.riskpulse.engine.simulator;

/**
 * How active a person is at each hour of their local day: quiet nights, a lunch bump and a busy
 * evening. Session times are drawn from it by thinning a Poisson process, which gives realistic gaps
 * without ever looking at a wall clock.
 */
final class DailyRhythm {

    private static final double[] RAW = {
            0.15, 0.08, 0.05, 0.04, 0.05, 0.10, 0.35, 0.70, 1.00, 1.10, 1.20, 1.35,
            1.60, 1.50, 1.20, 1.20, 1.30, 1.50, 1.75, 1.80, 1.60, 1.30, 0.90, 0.45};

    /** Hourly weights scaled to a mean of 1, so that an entity's average rate is its configured rate. */
    private static final double[] WEIGHT = new double[24];
    static final double PEAK;

    static {
        double sum = 0;
        for (double w : RAW) sum += w;
        double peak = 0;
        for (int h = 0; h < 24; h++) {
            WEIGHT[h] = RAW[h] * 24 / sum;
            peak = Math.max(peak, WEIGHT[h]);
        }
        PEAK = peak;
    }

    private DailyRhythm() {
    }

    /** Activity weight at this instant for someone whose clock is {@code offsetMinutes} from UTC. */
    static double weight(long epochMillis, int offsetMinutes, int chronotypeShiftHours) {
        long localMinutes = Math.floorDiv(epochMillis, 60_000L) + offsetMinutes;
        int hour = (int) Math.floorMod(Math.floorDiv(localMinutes, 60L) - chronotypeShiftHours, 24L);
        return WEIGHT[hour];
    }

    /** The local hour of day (0–23) at this instant. */
    static int localHour(long epochMillis, int offsetMinutes) {
        return (int) Math.floorMod(Math.floorDiv(Math.floorDiv(epochMillis, 60_000L) + offsetMinutes, 60L), 24L);
    }
}
