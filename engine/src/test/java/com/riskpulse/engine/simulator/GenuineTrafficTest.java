package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Genuine traffic has habits, and benign oddities that make detection less than trivial; none of it is
 * labelled and none of it travels faster than a plane.
 */
class GenuineTrafficTest {

    private static EventGenerator generator;
    private static List<RiskEvent> genuine;

    @BeforeAll
    static void generate() {
        generator = new EventGenerator(SimulatorSettings.unpaced(5, 300_000).withFraudRate(0.01));
        genuine = new ArrayList<>();
        while (generator.hasNext()) {
            RiskEvent e = generator.next();
            if (e.scenario() == null) genuine.add(e);
        }
    }

    @Test
    void genuineEventsCarryNoLabel() {
        assertThat(genuine).allMatch(e -> e.attributes().isEmpty());
    }

    @Test
    void aboutTwoPercentOfGenuinePaymentsAreDeclined() {
        List<RiskEvent> payments = genuine.stream().filter(e -> e.type() == EventType.PAYMENT).toList();
        long declined = payments.stream().filter(e -> e.status() == EventStatus.DECLINED).count();
        assertThat((double) declined / payments.size()).isBetween(0.015, 0.03);
    }

    @Test
    void theMixLooksLikeABank() {
        Map<EventType, Long> byType = new HashMap<>();
        Map<Channel, Long> byChannel = new HashMap<>();
        for (RiskEvent e : genuine) {
            byType.merge(e.type(), 1L, Long::sum);
            byChannel.merge(e.channel(), 1L, Long::sum);
        }
        double n = genuine.size();
        assertThat(byType.get(EventType.PAYMENT) / n).isBetween(0.55, 0.8);
        assertThat(byType.get(EventType.LOGIN) / n).isBetween(0.08, 0.25);
        assertThat(byType.keySet()).contains(EventType.TRANSFER, EventType.WITHDRAWAL, EventType.DEPOSIT,
                EventType.REFUND, EventType.DEVICE_CHANGE);
        assertThat(byChannel.keySet()).contains(Channel.CARD_PRESENT, Channel.CARD_NOT_PRESENT, Channel.ATM,
                Channel.MOBILE_APP, Channel.ONLINE_BANKING);
        assertThat(genuine.stream().map(RiskEvent::merchantCategory).distinct().toList())
                .contains("5411", "5812", "5541", "5999", "4829", "7995", "6051", "5732");
    }

    @Test
    void entitiesHaveTheirOwnSpendingLevels() {
        Map<String, List<Double>> amounts = new HashMap<>();
        for (RiskEvent e : genuine) {
            if (e.type() == EventType.PAYMENT && "EUR".equals(e.currency())) {
                amounts.computeIfAbsent(e.entityId(), k -> new ArrayList<>()).add(e.amount());
            }
        }
        List<Double> medians = amounts.values().stream().filter(l -> l.size() >= 20)
                .map(l -> l.stream().sorted().toList().get(l.size() / 2)).sorted().toList();
        assertThat(medians.size()).isGreaterThan(500);
        // small spenders and big ones: the 90th percentile of medians is several times the 10th
        assertThat(medians.get(medians.size() * 9 / 10)).isGreaterThan(4 * medians.get(medians.size() / 10));
    }

    @Test
    void genuineTravelNeverBeatsAPlaneButTripsAbroadHappen() {
        Map<String, RiskEvent> lastPlaced = new HashMap<>();
        Set<String> travellers = new HashSet<>();
        for (RiskEvent e : genuine) {
            if (e.country() == null) continue;
            RiskEvent before = lastPlaced.put(e.entityId(), e);
            if (before != null && !before.country().equals(e.country())) {
                double km = Countries.distanceKm(before.country(), e.country());
                double hours = (e.epochMillis() - before.epochMillis()) / 3_600_000.0;
                assertThat(km / hours).as("%s from %s to %s", e.entityId(), before.country(), e.country())
                        .isLessThan(900);
            }
            if (!e.country().equals(generator.entity(e.entityId()).home.code())) travellers.add(e.entityId());
        }
        assertThat(travellers.size()).isGreaterThan(30);
    }

    @Test
    void newDevicesAndBigPurchasesHappenWithoutFraud() {
        Map<String, Set<String>> devices = new HashMap<>();
        int newDeviceLogins = 0;
        int bigPurchases = 0;
        for (RiskEvent e : genuine) {
            if (e.deviceId() != null) {
                Set<String> known = devices.computeIfAbsent(e.entityId(), k -> new HashSet<>());
                if (known.size() > 0 && known.add(e.deviceId()) && e.type() == EventType.LOGIN) newDeviceLogins++;
                known.add(e.deviceId());
            }
            if (e.type() == EventType.PAYMENT && e.amount() > 4 * generator.entity(e.entityId()).typicalAmount()
                    && "5732".equals(e.merchantCategory())) {
                bigPurchases++;
            }
        }
        assertThat(newDeviceLogins).isGreaterThan(5);
        assertThat(bigPurchases).isGreaterThan(50);
    }
}
