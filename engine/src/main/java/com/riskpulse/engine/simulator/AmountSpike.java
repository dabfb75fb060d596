package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.SplittableRandom;

/**
 * One payment 8–30 times the entity's typical purchase, at a merchant it has never used, in a category
 * whose goods turn into cash easily (electronics, crypto, gambling).
 */
final class AmountSpike implements FraudScenario {

    private static final MerchantCategory[] CATEGORIES = {
            MerchantCategory.ELECTRONICS, MerchantCategory.QUASI_CASH, MerchantCategory.GAMBLING};

    private final MerchantCatalog catalog;
    private final GenuineActivity genuine;

    AmountSpike(MerchantCatalog catalog, GenuineActivity genuine) {
        this.catalog = catalog;
        this.genuine = genuine;
    }

    @Override
    public ScenarioType type() {
        return ScenarioType.AMOUNT_SPIKE;
    }

    @Override
    public long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        MerchantCategory category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
        boolean online = rnd.nextDouble() < 0.7;
        String country = e.current().code();
        Merchant m;
        if (rnd.nextDouble() < 0.7) {
            m = online ? catalog.online(category, rnd) : catalog.shop(country, category, rnd);
        } else {
            m = MerchantCatalog.unseen(category, country, online, rnd);
        }
        if (e.riskyMerchantsPaid.contains(m.id()) || e.shops.contains(m) || e.onlineShops.contains(m)) {
            m = MerchantCatalog.unseen(category, country, online, rnd);
        }
        double amount = e.typicalAmount() * rnd.nextDouble(8, 30);
        genuine.pay(e, t, s, m, amount, !online, online ? e.knownDevice() : null, online ? e.currentIp() : null,
                rnd.nextDouble() < 0.1 ? EventStatus.DECLINED : EventStatus.APPROVED);
        return s.last();
    }
}
