package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bot checks stolen card details: 5–30 tiny card-not-present payments within two minutes at one to
 * three online shops, most of them declined.
 */
final class CardTesting implements FraudScenario {

    private final MerchantCatalog catalog;

    CardTesting(MerchantCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ScenarioType type() {
        return ScenarioType.CARD_TESTING;
    }

    @Override
    public long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        int attempts = rnd.nextInt(5, 31);
        long span = rnd.nextLong(20_000, 110_000);
        long[] offsets = new long[attempts];
        for (int i = 1; i < attempts; i++) offsets[i] = rnd.nextLong(1, span + 1);
        Arrays.sort(offsets);

        double r = rnd.nextDouble();
        int merchantCount = r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
        List<Merchant> merchants = new ArrayList<>(merchantCount);
        for (int i = 0; i < merchantCount; i++) {
            merchants.add(catalog.online(rnd.nextBoolean() ? MerchantCategory.MISC_RETAIL : MerchantCategory.DIRECT_MARKETING, rnd));
        }
        // the bot hides behind a proxy: often abroad, sometimes in the cardholder's own country
        Countries.Country origin = rnd.nextDouble() < 0.6 ? FraudScenario.foreignOrigin(e) : e.current();
        String device = Ids.device(rnd);
        String ip = Countries.ip(origin, rnd);
        double declineShare = rnd.nextDouble(0.5, 0.85);

        for (long offset : offsets) {
            Merchant m = merchants.get(rnd.nextInt(merchants.size()));
            s.money(t + offset, EventType.PAYMENT, rnd.nextDouble(0.5, 5) * e.unit())
                    .channel(Channel.CARD_NOT_PRESENT)
                    .merchant(m.id(), m.mcc())
                    .country(origin.code())
                    .device(device).ip(ip)
                    .status(rnd.nextDouble() < declineShare ? EventStatus.DECLINED : EventStatus.APPROVED);
        }
        return s.last();
    }
}
