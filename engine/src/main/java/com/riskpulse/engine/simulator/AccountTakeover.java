package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.SplittableRandom;

/**
 * Stolen credentials: a login from a never-seen device abroad (often after failed attempts), maybe a
 * password change to lock the owner out, then within minutes large transfers to new payees.
 */
final class AccountTakeover implements FraudScenario {

    @Override
    public ScenarioType type() {
        return ScenarioType.ACCOUNT_TAKEOVER;
    }

    @Override
    public long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        Countries.Country origin = FraudScenario.foreignOrigin(e);
        String country = origin.code();
        String device = Ids.device(rnd);
        String ip = Countries.ip(origin, rnd);
        Channel channel = rnd.nextDouble() < 0.5 ? Channel.ONLINE_BANKING : Channel.MOBILE_APP;

        long at = t;
        if (rnd.nextDouble() < 0.7) {
            int failures = rnd.nextInt(1, 5);
            for (int i = 0; i < failures; i++) {
                s.event(at, EventType.LOGIN).channel(channel).device(device).ip(ip).country(country)
                        .status(EventStatus.FAILED);
                at += rnd.nextLong(5_000, 30_000);
            }
        }
        s.event(at, EventType.LOGIN).channel(channel).device(device).ip(ip).country(country)
                .status(EventStatus.APPROVED);
        long loggedIn = at;
        if (rnd.nextDouble() < 0.6) {
            at += rnd.nextLong(30_000, 120_000);
            s.event(at, EventType.PASSWORD_CHANGE).channel(channel).device(device).ip(ip).country(country)
                    .status(EventStatus.APPROVED);
        }
        at = Math.max(at, loggedIn + rnd.nextLong(120_000, 480_000));
        int transfers = rnd.nextInt(1, 4);
        for (int i = 0; i < transfers; i++) {
            if (i > 0) at += rnd.nextLong(30_000, 180_000);
            s.money(at, EventType.TRANSFER, e.typicalTransfer() * rnd.nextDouble(3, 8))
                    .channel(channel).merchant(Ids.payee(rnd), null)
                    .country(country).device(device).ip(ip)
                    .status(EventStatus.APPROVED);
        }
        return s.last();
    }
}
