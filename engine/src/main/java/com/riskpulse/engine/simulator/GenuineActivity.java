package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.SplittableRandom;

/**
 * Everyday traffic of one entity: purchases at favourite shops, logins, transfers to known payees, cash,
 * salary, refunds, the occasional decline, plus the rare benign oddities of {@link BenignOddities}.
 */
final class GenuineActivity {

    /** Share of genuine payments the issuer declines (insufficient funds, a wrong PIN, a limit). */
    static final double DECLINE_RATE = 0.02;
    private static final long DAY = 86_400_000L;
    /**
     * How often the oddities happen, in event time, so that a busier stream does not mean more holidays
     * per day: a trip every three months, a new phone every year and a half, a big purchase a month.
     */
    private static final long TRIP_EVERY_MILLIS = 90 * DAY;
    private static final long NEW_PHONE_EVERY_MILLIS = 540 * DAY;
    private static final long BIG_PURCHASE_EVERY_MILLIS = 30 * DAY;
    private static final int MAX_PAYEES = 12;

    private final MerchantCatalog catalog;
    private final BenignOddities oddities;

    GenuineActivity(MerchantCatalog catalog) {
        this.catalog = catalog;
        this.oddities = new BenignOddities(catalog, this);
    }

    /**
     * Plays one genuine session starting at {@code t}. Returns when the entity may start its next session:
     * {@code t} itself for everyday sessions (a payment may fall between a login and its transfer), later
     * when it is on its way somewhere.
     */
    long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        if (e.isAbroad() && t >= e.tripEndMillis) return oddities.flyHome(e, t, s);
        double odd = rnd.nextDouble();
        double trip = e.chancePerSession(TRIP_EVERY_MILLIS);
        double phone = trip + e.chancePerSession(NEW_PHONE_EVERY_MILLIS);
        double big = phone + e.chancePerSession(BIG_PURCHASE_EVERY_MILLIS);
        if (odd < trip) {
            if (!e.isAbroad()) return oddities.startTrip(e, t, s);
        } else if (odd < phone) {
            oddities.newPhone(e, t, s);
            return t;
        } else if (odd < big) {
            oddities.bigPurchase(e, t, s);
            return t;
        }

        double k = rnd.nextDouble();
        if (k < 0.70) payment(e, t, s);
        else if (k < 0.80) login(e, t, s, bankingChannel(e), e.knownDevice(), e.currentIp());
        else if (k < 0.87) transfer(e, t, s);
        else if (k < 0.93) withdrawal(e, t, s);
        else if (k < 0.98) deposit(e, t, s);
        else refund(e, t, s);
        return t;
    }

    /** A purchase: card-present at a shop where the entity is, or card-not-present from its own device. */
    void payment(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        boolean cardPresent = rnd.nextDouble() < (e.isAbroad() ? 0.8 : e.cardPresentShare);
        Merchant m;
        if (cardPresent) {
            m = e.isAbroad() ? catalog.shop(e.current().code(), holidayCategory(rnd), rnd)
                    : rnd.nextDouble() < 0.85 ? SimEntity.favourite(e.shops, rnd) : catalog.shop(e.home.code(), rnd);
        } else {
            m = rnd.nextDouble() < 0.8 ? SimEntity.favourite(e.onlineShops, rnd) : catalog.online(rnd);
        }
        double amount = e.habitualAmount(m.category());
        boolean declined = rnd.nextDouble() < DECLINE_RATE;
        String device = cardPresent ? null : e.knownDevice();
        String ip = cardPresent ? null : e.currentIp();
        pay(e, t, s, m, amount, cardPresent, device, ip, declined ? EventStatus.DECLINED : EventStatus.APPROVED);
        // people retry after a decline (another card, a smaller basket): a failure that is not fraud
        if (declined && rnd.nextDouble() < 0.4) {
            pay(e, t + rnd.nextLong(20_000, 90_000), s, m, amount * rnd.nextDouble(0.5, 1.0), cardPresent,
                    device, ip, EventStatus.APPROVED);
        }
    }

    void pay(SimEntity e, long t, Session s, Merchant m, double amount, boolean cardPresent,
             String device, String ip, EventStatus status) {
        if (m.category().risky()) e.riskyMerchantsPaid.add(m.id());
        s.money(t, EventType.PAYMENT, amount)
                .channel(cardPresent ? Channel.CARD_PRESENT : Channel.CARD_NOT_PRESENT)
                .merchant(m.id(), m.mcc())
                .country(e.current().code())
                .device(device).ip(ip)
                .status(status);
    }

    /** Logs in, after a typo now and then; returns the time of the successful login. */
    long login(SimEntity e, long t, Session s, Channel channel, String device, String ip) {
        long at = t;
        if (e.rnd.nextDouble() < 0.03) {
            s.event(at, EventType.LOGIN).channel(channel).device(device).ip(ip).country(e.current().code())
                    .status(EventStatus.FAILED);
            at += e.rnd.nextLong(5_000, 40_000);
        }
        s.event(at, EventType.LOGIN).channel(channel).device(device).ip(ip).country(e.current().code())
                .status(EventStatus.APPROVED);
        return at;
    }

    /** Logs in and pays a known payee; now and then a new one, which is benign but looks like fraud. */
    void transfer(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        Channel channel = bankingChannel(e);
        String device = e.knownDevice();
        String ip = e.currentIp();
        long at = login(e, t, s, channel, device, ip) + rnd.nextLong(30_000, 240_000);
        String payee;
        if (rnd.nextDouble() < 0.9) {
            payee = e.payees.get(rnd.nextInt(e.payees.size()));
        } else {
            payee = Ids.payee(rnd);
            if (e.payees.size() < MAX_PAYEES) e.payees.add(payee);
        }
        double amount = e.typicalTransfer() * Math.exp(0.7 * rnd.nextGaussian());
        s.money(at, EventType.TRANSFER, amount).channel(channel).merchant(payee, null)
                .country(e.current().code()).device(device).ip(ip)
                .status(rnd.nextDouble() < 0.01 ? EventStatus.DECLINED : EventStatus.APPROVED);
    }

    private void withdrawal(SimEntity e, long t, Session s) {
        int[] notes = {20, 50, 50, 100, 100, 200, 300};
        double amount = nice(notes[e.rnd.nextInt(notes.length)] * e.unit());
        s.money(t, EventType.WITHDRAWAL, amount).channel(Channel.ATM).country(e.current().code())
                .status(e.rnd.nextDouble() < DECLINE_RATE ? EventStatus.DECLINED : EventStatus.APPROVED);
    }

    /** Money coming in: the salary, or a friend paying back. */
    private void deposit(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        boolean salary = rnd.nextDouble() < 0.5;
        String from = salary ? e.employer : e.payees.get(rnd.nextInt(e.payees.size()));
        double amount = salary ? e.typicalAmount() * rnd.nextDouble(20, 45)
                : e.typicalAmount() * Math.exp(0.8 * rnd.nextGaussian());
        // no country: the account holder did nothing, so there is no place to put them
        s.money(t, EventType.DEPOSIT, amount).channel(Channel.ONLINE_BANKING).merchant(from, null)
                .status(EventStatus.APPROVED);
    }

    private void refund(SimEntity e, long t, Session s) {
        // a shop at home cannot refund at the till while its customer is abroad
        boolean online = e.isAbroad() || e.rnd.nextDouble() < 0.5;
        Merchant m = SimEntity.favourite(online ? e.onlineShops : e.shops, e.rnd);
        s.money(t, EventType.REFUND, e.habitualAmount(m.category()))
                .channel(online ? Channel.CARD_NOT_PRESENT : Channel.CARD_PRESENT)
                .merchant(m.id(), m.mcc()).country(e.current().code()).status(EventStatus.APPROVED);
    }

    static Channel bankingChannel(SimEntity e) {
        return e.rnd.nextDouble() < e.appShare ? Channel.MOBILE_APP : Channel.ONLINE_BANKING;
    }

    /** What a tourist pays for. */
    private static MerchantCategory holidayCategory(SplittableRandom rnd) {
        double r = rnd.nextDouble();
        if (r < 0.40) return MerchantCategory.RESTAURANT;
        if (r < 0.50) return MerchantCategory.HOTEL;
        if (r < 0.70) return MerchantCategory.GROCERY;
        if (r < 0.85) return MerchantCategory.MISC_RETAIL;
        if (r < 0.95) return MerchantCategory.TRANSIT;
        return MerchantCategory.FUEL;
    }

    /** Rounds to what a cash machine dispenses: two significant figures, in steps of five. */
    private static double nice(double amount) {
        double step = Math.pow(10, Math.floor(Math.log10(amount))) / 2;
        return Math.max(step, Math.round(amount / step) * step);
    }
}
