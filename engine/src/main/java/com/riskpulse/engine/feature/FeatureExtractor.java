package com.riskpulse.engine.feature;

import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Windows.Window;

import java.time.Duration;

import static com.riskpulse.engine.feature.Feature.*;

/**
 * Turns an event and its entity's state into a {@link FeatureVector}, then folds the event into the
 * state. Novelty, habit and travel are judged against the state as it was before this event; the
 * windows include the event itself. Event time decides everything: an event is late only against its
 * own entity's newest event, so a replay of an old day scores as it would have then.
 */
public final class FeatureExtractor {

    /** Below this many past events, "first sight" says nothing: everything is new to a new account. */
    static final int MIN_HISTORY_FOR_NOVELTY = 3;
    static final int MIN_HISTORY_FOR_AMOUNT = 3;
    static final int MIN_HISTORY_FOR_HOURS = 20;
    static final int MIN_EVENTS_FOR_FAILED_SHARE = 3;
    /**
     * A login from a new device in a new country taints the money movements of the following hour.
     * Either alone is everyday life (a new phone, a holiday); both at once is how takeovers start.
     */
    static final long LOGIN_NOVELTY_MILLIS = Duration.ofHours(1).toMillis();
    /** Shortest gap used for travel speed, so two events in the same second do not give infinite speed. */
    static final double MIN_TRAVEL_HOURS = 1.0 / 60;
    /** The floor of the log-amount deviation: a very regular spender is not alarmed by cents. */
    static final double MIN_LOG_STD = 0.25;

    private final long allowedLatenessMillis;

    public FeatureExtractor(Duration allowedLateness) {
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    /** What happened to one event. {@code vector} is null for a duplicate. */
    public record Outcome(FeatureVector vector, boolean late, boolean duplicate) {
        static final Outcome DUPLICATE = new Outcome(null, false, true);
    }

    public Outcome apply(EntityState state, RiskEvent event) {
        long millis = event.epochMillis();
        if (!state.rememberEventId(idHash(event.eventId()))) {
            return Outcome.DUPLICATE;
        }
        boolean tooLate = state.seen > 0 && millis < state.newestMillis - allowedLatenessMillis;
        double[] f = new double[Feature.count()];
        boolean hasHistory = state.seen >= MIN_HISTORY_FOR_NOVELTY;
        boolean movesOut = event.type().movesMoneyOut() && event.hasAmount();
        double amountOut = movesOut ? event.amount() : 0;

        // novelty: judged before this event is remembered
        boolean newDevice = !RecentSet.contains(state.ints, EntityState.DEVICES_AT, EntityState.DEVICES, event.deviceId());
        boolean newCountry = !RecentSet.contains(state.ints, EntityState.COUNTRIES_AT, EntityState.COUNTRIES, event.country());
        boolean newPayee = movesOut && !RecentSet.contains(state.ints, EntityState.PAYEES_AT, EntityState.PAYEES, event.merchantId());
        f[NEW_DEVICE.ordinal()] = hasHistory && newDevice ? 1 : 0;
        f[NEW_COUNTRY.ordinal()] = hasHistory && newCountry ? 1 : 0;
        f[NEW_MERCHANT.ordinal()] = hasHistory && newPayee ? 1 : 0;

        amountFeatures(state, event, movesOut, f);
        f[TRAVEL_SPEED_KMH.ordinal()] = travelSpeed(state, event);
        f[HOUR_UNUSUAL.ordinal()] = hourUnusual(state, millis);
        f[MERCHANT_CATEGORY_RISK.ordinal()] = MerchantCategories.risk(event.merchantCategory());
        f[HISTORY.ordinal()] = state.seen;

        if (!tooLate) {
            fold(state, event, millis, amountOut, hasHistory && newPayee, hasHistory && newDevice && newCountry);
        }
        boolean taintedByLogin = state.lastNoveltyLoginMillis != Long.MIN_VALUE
                && millis >= state.lastNoveltyLoginMillis
                && millis - state.lastNoveltyLoginMillis <= LOGIN_NOVELTY_MILLIS;
        f[RECENT_LOGIN_NOVELTY.ordinal()] = movesOut && taintedByLogin ? 1 : 0;

        windowFeatures(state, f);
        return new Outcome(FeatureVector.wrap(f), tooLate, false);
    }

    private void fold(EntityState state, RiskEvent event, long millis, double amountOut, boolean newPayee, boolean novelLogin) {
        Windows.add(state, millis, amountOut, event.isFailure(), newPayee);
        RecentSet.addAndCheckNew(state.ints, EntityState.DEVICES_AT, EntityState.DEVICES, event.deviceId(), millis);
        RecentSet.addAndCheckNew(state.ints, EntityState.COUNTRIES_AT, EntityState.COUNTRIES, event.country(), millis);
        if (amountOut > 0) {
            RecentSet.addAndCheckNew(state.ints, EntityState.PAYEES_AT, EntityState.PAYEES, event.merchantId(), millis);
            if (!event.isFailure()) state.recordAmount(amountOut);
        }
        if (event.type() == EventType.LOGIN && novelLogin) {
            state.lastNoveltyLoginMillis = millis;
        }
        if (event.country() != null && millis >= state.lastCountryMillis) {
            state.lastCountry = event.country();
            state.lastCountryMillis = millis;
        }
        state.recordHour(hourOfDay(millis));
        state.newestMillis = Math.max(state.newestMillis, millis);
        if (state.seen < Integer.MAX_VALUE) state.seen++;
    }

    private static void amountFeatures(EntityState state, RiskEvent event, boolean movesOut, double[] f) {
        double typical = state.typicalAmount();
        if (!movesOut || state.amountCount < MIN_HISTORY_FOR_AMOUNT || typical <= 0) return;
        f[AMOUNT_RATIO.ordinal()] = event.amount() / typical;
        double std = Math.max(state.logAmountStdDev(), MIN_LOG_STD);
        f[AMOUNT_ZSCORE.ordinal()] = (EntityState.logAmount(event.amount()) - state.logAmountMean) / std;
    }

    private static double travelSpeed(EntityState state, RiskEvent event) {
        if (state.lastCountry == null || event.country() == null || event.country().equals(state.lastCountry)
                || event.epochMillis() < state.lastCountryMillis) {
            return 0;
        }
        double km = Geography.distanceKm(state.lastCountry, event.country());
        if (Double.isNaN(km)) return 0;
        double hours = Math.max((event.epochMillis() - state.lastCountryMillis) / 3_600_000.0, MIN_TRAVEL_HOURS);
        return km / hours;
    }

    private static double hourUnusual(EntityState state, long millis) {
        if (state.seen < MIN_HISTORY_FOR_HOURS) return 0;
        int hour = hourOfDay(millis);
        long total = state.hourTotal();
        if (total == 0) return 0;
        // the hour and its neighbours, so that a habit of 8 o'clock does not make 9 o'clock odd
        long near = (long) state.hourCount((hour + 23) % 24) + state.hourCount(hour) + state.hourCount((hour + 1) % 24);
        double share = near / (double) total;
        return Math.clamp(1 - share / UNUSUAL_HOUR_SHARE, 0, 1);
    }

    /** A share of the entity's activity below this, around an hour, makes the hour fully unusual. */
    static final double UNUSUAL_HOUR_SHARE = 0.05;

    private static void windowFeatures(EntityState state, double[] f) {
        Windows.Totals minute = Windows.totals(state, Window.MINUTE);
        Windows.Totals hour = Windows.totals(state, Window.HOUR);
        Windows.Totals day = Windows.totals(state, Window.DAY);
        f[COUNT_1M.ordinal()] = minute.count();
        f[COUNT_1H.ordinal()] = hour.count();
        f[COUNT_24H.ordinal()] = day.count();
        f[AMOUNT_SUM_1M.ordinal()] = minute.amount();
        f[AMOUNT_SUM_1H.ordinal()] = hour.amount();
        f[AMOUNT_SUM_24H.ordinal()] = day.amount();
        f[MEAN_AMOUNT_1M.ordinal()] = minute.count() == 0 ? 0 : minute.amount() / minute.count();
        f[NEW_PAYEES_1H.ordinal()] = hour.newPayees();
        f[FAILED_SHARE_1H.ordinal()] = hour.count() < MIN_EVENTS_FOR_FAILED_SHARE ? 0 : hour.failures() / (double) hour.count();
    }

    static int hourOfDay(long millis) {
        return (int) Math.floorMod(millis / 3_600_000L, 24L);
    }

    /** 64-bit FNV-1a: String.hashCode's 32 bits would make unrelated ids collide too often. */
    static long idHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
