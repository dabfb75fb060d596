package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.SplittableRandom;

/**
 * Genuine behaviour that looks suspicious: a holiday abroad (with a real travel gap, so it is never
 * impossible travel), a new phone, a rare big purchase. They are why a good detector needs more than
 * one signal.
 */
final class BenignOddities {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final MerchantCatalog catalog;
    private final GenuineActivity genuine;

    BenignOddities(MerchantCatalog catalog, GenuineActivity genuine) {
        this.catalog = catalog;
        this.genuine = genuine;
    }

    /** A last purchase at home, then the journey: the entity is silent until it lands. */
    long startTrip(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        Countries.Country destination = Countries.pick(rnd, Countries.Country::travel, c -> c != e.home);
        genuine.pay(e, t, s, catalog.shop(e.home.code(), MerchantCategory.RESTAURANT, rnd),
                e.habitualAmount(MerchantCategory.RESTAURANT), true, null, null, EventStatus.APPROVED);
        long arrival = t + travelMillis(e.home, destination, rnd);
        e.abroad = destination;
        e.tripIp = Countries.ip(destination, rnd);
        e.tripEndMillis = arrival + rnd.nextLong(2 * DAY, 11 * DAY);
        return arrival;
    }

    /** A last purchase abroad, then the way home. */
    long flyHome(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        Countries.Country there = e.abroad;
        genuine.pay(e, t, s, catalog.shop(there.code(), MerchantCategory.RESTAURANT, rnd),
                e.habitualAmount(MerchantCategory.RESTAURANT), true, null, null, EventStatus.APPROVED);
        e.abroad = null;
        e.tripIp = null;
        return t + travelMillis(there, e.home, rnd);
    }

    /** A new phone: sometimes announced by a device change, always followed by a login from it. */
    void newPhone(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        String phone = Ids.device(rnd);
        String ip = e.currentIp();
        String country = e.current().code();
        long at = t;
        if (rnd.nextDouble() < 0.5) {
            s.event(at, EventType.DEVICE_CHANGE).channel(Channel.MOBILE_APP).device(phone).ip(ip).country(country)
                    .status(EventStatus.APPROVED);
            at += rnd.nextLong(60_000, 300_000);
        }
        s.event(at, EventType.LOGIN).channel(Channel.MOBILE_APP).device(phone).ip(ip).country(country)
                .status(EventStatus.APPROVED);
        e.devices.addFirst(phone);
        if (e.devices.size() > 3) e.devices.removeLast();
    }

    /** A once-a-year purchase: a television, a sofa, a holiday booking, at a shop never used before. */
    void bigPurchase(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        double r = rnd.nextDouble();
        MerchantCategory category = r < 0.5 ? MerchantCategory.ELECTRONICS
                : r < 0.8 ? MerchantCategory.DEPARTMENT_STORE
                : r < 0.9 ? MerchantCategory.AIRLINE : MerchantCategory.HOTEL;
        boolean online = rnd.nextDouble() < 0.5;
        Merchant m = online ? catalog.online(category, rnd) : catalog.shop(e.current().code(), category, rnd);
        double amount = e.typicalAmount() * rnd.nextDouble(4, 12);
        genuine.pay(e, t, s, m, amount, !online, online ? e.knownDevice() : null, online ? e.currentIp() : null,
                EventStatus.APPROVED);
    }

    /**
     * Door to door: driving below 700 km, otherwise a flight plus airport time. Never faster than a
     * plane, which is what tells a holiday from impossible travel.
     */
    static long travelMillis(Countries.Country from, Countries.Country to, SplittableRandom rnd) {
        double km = Countries.distanceKm(from, to);
        double hours = km < 700 ? km / 80 + 0.5 : km / 750 + 3;
        return (long) (hours * HOUR) + rnd.nextLong(HOUR);
    }
}
