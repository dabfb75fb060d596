package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A money mule: a large deposit from an unknown payer, then within the hour 5–15 transfers to distinct
 * new payees that pass almost all of it on.
 */
final class MuleFanOut implements FraudScenario {

    private static final long MINUTE = 60_000L;

    @Override
    public ScenarioType type() {
        return ScenarioType.MULE_FAN_OUT;
    }

    @Override
    public long play(SimEntity e, long t, Session s) {
        SplittableRandom rnd = e.rnd;
        double deposit = Math.max(e.typicalAmount() * rnd.nextDouble(40, 120), 1_500 * e.unit() * rnd.nextDouble(1, 3));
        // like a genuine deposit, without a country: only the payer was somewhere
        s.money(t, EventType.DEPOSIT, deposit).channel(Channel.ONLINE_BANKING).merchant(Ids.payee(rnd), null)
                .status(EventStatus.APPROVED);

        Channel channel = GenuineActivity.bankingChannel(e);
        String device = e.knownDevice();
        String ip = e.currentIp();
        String country = e.current().code();
        long login = t + rnd.nextLong(2 * MINUTE, 15 * MINUTE);
        s.event(login, EventType.LOGIN).channel(channel).device(device).ip(ip).country(country)
                .status(EventStatus.APPROVED);

        int transfers = rnd.nextInt(5, 16);
        long[] times = new long[transfers];
        for (int i = 0; i < transfers; i++) times[i] = rnd.nextLong(login + 10_000, t + 58 * MINUTE);
        Arrays.sort(times);
        double[] shares = new double[transfers];
        double sum = 0;
        for (int i = 0; i < transfers; i++) sum += shares[i] = rnd.nextDouble(0.5, 1.5);
        double passedOn = deposit * rnd.nextDouble(0.9, 0.98);
        for (int i = 0; i < transfers; i++) {
            s.money(times[i], EventType.TRANSFER, passedOn * shares[i] / sum).channel(channel)
                    .merchant(Ids.payee(rnd), null).country(country).device(device).ip(ip)
                    .status(EventStatus.APPROVED);
        }
        return s.last();
    }
}
