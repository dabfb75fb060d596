package com.riskpulse.engine.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Gives each entity its own habits: a home, devices, a spending level, favourite shops, payees, a
 * channel mix and a daily rhythm. Population-level spreads (small and large spenders, quiet and busy
 * accounts, the odd legitimate gambler) are what keep detection from being trivial.
 */
final class EntityFactory {

    /** Everyday purchase of the median person, in euro. */
    private static final double MEDIAN_PURCHASE_EUR = 30;
    /** Spread of everyday purchases across people: some spend 8, some spend 150. */
    private static final double PURCHASE_SPREAD = 0.8;
    private static final double ACTIVITY_SPREAD = 0.7;
    /**
     * Sessions are what is scheduled, events what is counted: a session averages slightly more than one
     * event (login before a transfer, a failed login), measured on long runs.
     */
    static final double EVENTS_PER_SESSION = 1.09;

    private final MerchantCatalog catalog;
    private final double meanSessionsPerMs;

    EntityFactory(MerchantCatalog catalog, SimulatorSettings settings) {
        this.catalog = catalog;
        this.meanSessionsPerMs = settings.eventsPerSecond() / settings.entities() / EVENTS_PER_SESSION / 1000.0;
    }

    SimEntity create(int number, SplittableRandom rnd) {
        String id = String.format(Locale.ROOT, "acct-%05d", number);
        Countries.Country home = Countries.pick(rnd, Countries.Country::home, c -> true);

        double typicalEur = Math.clamp(MEDIAN_PURCHASE_EUR * Math.exp(PURCHASE_SPREAD * rnd.nextGaussian()), 3, 2_000);
        double mu = Math.log(typicalEur * home.unitsPerEur());
        double sigma = rnd.nextDouble(0.35, 0.9);

        double d = rnd.nextDouble();
        int deviceCount = d < 0.55 ? 1 : d < 0.85 ? 2 : 3;
        List<String> devices = new ArrayList<>(4);
        for (int i = 0; i < deviceCount; i++) devices.add(Ids.device(rnd));

        List<Merchant> shops = favouriteShops(home, rnd);
        List<Merchant> onlineShops = favouriteOnline(rnd);
        List<String> payees = new ArrayList<>();
        int payeeCount = rnd.nextInt(1, 5);
        for (int i = 0; i < payeeCount; i++) payees.add(Ids.payee(rnd));

        // mean of exp(s*N(0,1)) is exp(s²/2): dividing it out keeps the population's total rate as configured
        double activity = Math.exp(ACTIVITY_SPREAD * rnd.nextGaussian() - ACTIVITY_SPREAD * ACTIVITY_SPREAD / 2);
        double peakRate = meanSessionsPerMs * activity * DailyRhythm.PEAK;

        return new SimEntity(id, rnd, home, mu, sigma, devices, Countries.ip(home, rnd), Countries.ip(home, rnd),
                shops, onlineShops, payees, Ids.payee(rnd), rnd.nextDouble(0.35, 0.85), rnd.nextDouble(0.3, 0.9),
                peakRate, rnd.nextInt(-1, 3));
    }

    private List<Merchant> favouriteShops(Countries.Country home, SplittableRandom rnd) {
        List<Merchant> shops = new ArrayList<>();
        int count = rnd.nextInt(4, 13);
        while (shops.size() < count) {
            Merchant m = catalog.shop(home.code(), rnd);
            // risky categories are somebody's habit only by choice, below
            if (!m.category().risky() && !shops.contains(m)) shops.add(m);
        }
        // a few people gamble, buy crypto or wire money home as a matter of course: benign, but looks risky
        if (rnd.nextDouble() < 0.04) shops.add(rnd.nextInt(shops.size()), catalog.shop(home.code(), MerchantCategory.GAMBLING, rnd));
        if (rnd.nextDouble() < 0.03) shops.add(catalog.shop(home.code(), MerchantCategory.QUASI_CASH, rnd));
        if (rnd.nextDouble() < 0.05) shops.add(catalog.shop(home.code(), MerchantCategory.MONEY_TRANSFER, rnd));
        return shops;
    }

    private List<Merchant> favouriteOnline(SplittableRandom rnd) {
        List<Merchant> online = new ArrayList<>();
        int count = rnd.nextInt(1, 5);
        while (online.size() < count) {
            Merchant m = catalog.online(rnd);
            if ((!m.category().risky() || rnd.nextDouble() < 0.1) && !online.contains(m)) online.add(m);
        }
        return online;
    }
}
