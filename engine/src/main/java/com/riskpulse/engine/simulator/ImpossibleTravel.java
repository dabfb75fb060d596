package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.SplittableRandom;

/**
 * A cloned card: the owner pays in a shop where they are, and within 10–60 minutes the clone is used
 * in a shop thousands of kilometres away.
 */
final class ImpossibleTravel implements FraudScenario {

    /** Far enough that no flight covers it in an hour, with margin. */
    static final double MIN_DISTANCE_KM = 2_500;

    private final MerchantCatalog catalog;

    ImpossibleTravel(MerchantCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ScenarioType type() {
        return ScenarioType.IMPOSSIBLE_TRAVEL;
    }

    @Override
    public long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        Countries.Country here = e.current();
        Merchant local = e.isAbroad() ? catalog.shop(here.code(), rnd) : SimEntity.favourite(e.shops, rnd);
        present(s, t, local, e.habitualAmount(local.category()), here);

        Countries.Country far = Countries.pick(rnd, c -> c.travel() + c.fraud(),
                c -> Countries.distanceKm(here, c) >= MIN_DISTANCE_KM);
        Merchant remote = catalog.shop(far.code(), rnd.nextBoolean() ? MerchantCategory.ELECTRONICS : MerchantCategory.DEPARTMENT_STORE, rnd);
        long later = t + rnd.nextLong(10 * 60_000L, 60 * 60_000L);
        present(s, later, remote, e.typicalAmount() * rnd.nextDouble(1, 5), far);
        return s.last();
    }

    private static void present(Session s, long at, Merchant m, double amount, Countries.Country country) {
        s.money(at, EventType.PAYMENT, amount).channel(Channel.CARD_PRESENT).merchant(m.id(), m.mcc())
                .country(country.code()).status(EventStatus.APPROVED);
    }
}
