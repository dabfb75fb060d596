package com.riskpulse.engine.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One simulated account: its habits (fixed at creation) and the little state its behaviour needs
 * (devices, payees, a holiday in progress). Each entity draws from its own random, so its story does
 * not depend on how the others interleave with it.
 */
final class SimEntity {

    final String id;
    final SplittableRandom rnd;
    final Countries.Country home;
    /** Log of the typical everyday purchase, in account currency. */
    final double mu;
    final double sigma;
    final List<String> devices;
    final String homeIp;
    final String mobileIp;
    final List<Merchant> shops;
    final List<Merchant> onlineShops;
    final List<String> payees;
    final String employer;
    final double cardPresentShare;
    final double appShare;
    /** Sessions per millisecond at the peak of the daily rhythm; thinning brings it down off-peak. */
    final double peakRatePerMs;
    final int chronotypeShiftHours;

    /** Risky-category merchants this entity has paid, so that a fraud "new merchant" really is new. */
    final Set<String> riskyMerchantsPaid = new HashSet<>();
    /** The country of a holiday in progress, or null at home. */
    Countries.Country abroad;
    long tripEndMillis;
    String tripIp;

    SimEntity(String id, SplittableRandom rnd, Countries.Country home, double mu, double sigma,
              List<String> devices, String homeIp, String mobileIp, List<Merchant> shops,
              List<Merchant> onlineShops, List<String> payees, String employer, double cardPresentShare,
              double appShare, double peakRatePerMs, int chronotypeShiftHours) {
        this.id = id;
        this.rnd = rnd;
        this.home = home;
        this.mu = mu;
        this.sigma = sigma;
        this.devices = devices;
        this.homeIp = homeIp;
        this.mobileIp = mobileIp;
        this.shops = shops;
        this.onlineShops = onlineShops;
        this.payees = payees;
        this.employer = employer;
        this.cardPresentShare = cardPresentShare;
        this.appShare = appShare;
        this.peakRatePerMs = peakRatePerMs;
        this.chronotypeShiftHours = chronotypeShiftHours;
    }

    String currency() {
        return home.currency();
    }

    /** The median everyday purchase, in account currency: what "several times the habit" is measured on. */
    double typicalAmount() {
        return Math.exp(mu);
    }

    /** The typical outgoing transfer (rent, savings, paying friends back), several everyday purchases. */
    double typicalTransfer() {
        return typicalAmount() * 4;
    }

    /** One euro in account currency. */
    double unit() {
        return home.unitsPerEur();
    }

    Countries.Country current() {
        return abroad != null ? abroad : home;
    }

    boolean isAbroad() {
        return abroad != null;
    }

    /** The address this person's phone or laptop shows right now. */
    String currentIp() {
        if (abroad != null) return tripIp;
        return rnd.nextDouble() < 0.6 ? homeIp : mobileIp;
    }

    /** A known device; the newest phone is the one in use most of the time. */
    String knownDevice() {
        if (devices.size() == 1 || rnd.nextDouble() < 0.75) return devices.getFirst();
        return devices.get(rnd.nextInt(1, devices.size()));
    }

    /** A favourite: earlier ones are used more often (a Zipf-like taste). */
    static Merchant favourite(List<Merchant> list, SplittableRandom rnd) {
        int n = list.size();
        int i = (int) Math.floor(Math.pow(n + 1, rnd.nextDouble())) - 1;
        return list.get(Math.min(i, n - 1));
    }

    /** An everyday amount for this category, drawn from the entity's own log-normal habit. */
    double habitualAmount(MerchantCategory category) {
        return Math.exp(mu + sigma * rnd.nextGaussian()) * category.amountFactor();
    }

    /** Rounds to what a till would show in the account currency: cents, or whole units for weak currencies. */
    double round(double amount) {
        if (unit() >= 50) return Math.max(1, Math.round(amount));
        return Math.max(0.01, Math.round(amount * 100) / 100.0);
    }

    /** The chance per session of something that happens once per {@code intervalMillis} of event time. */
    double chancePerSession(long intervalMillis) {
        double meanSessionsPerMs = peakRatePerMs / DailyRhythm.PEAK;
        return Math.min(1, 1 / (meanSessionsPerMs * intervalMillis));
    }

    /** When this entity starts its next session, after {@code from}. */
    long nextSessionAfter(long from) {
        int offset = current().utcOffsetMinutes();
        long t = from;
        while (true) {
            t += Math.max(1L, (long) Math.ceil(rnd.nextExponential() / peakRatePerMs));
            if (rnd.nextDouble() * DailyRhythm.PEAK <= DailyRhythm.weight(t, offset, chronotypeShiftHours)) return t;
        }
    }
}
