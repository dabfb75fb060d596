package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.simulator.Incidents.Incident;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every injected scenario appears at its configured rate, labelled, with the shape it is meant to have. */
class ScenarioShapeTest {

    private static final double FRAUD_RATE = 0.02;
    private static final long MINUTE = 60_000L;
    private static EventGenerator generator;
    private static List<RiskEvent> events;
    private static Map<ScenarioType, List<Incident>> incidents;
    /** For each labelled event: did the entity use this device / merchant id before it, in the run? */
    private static final Map<RiskEvent, Boolean> seenDevice = new HashMap<>();
    private static final Map<RiskEvent, Boolean> seenMerchant = new HashMap<>();

    @BeforeAll
    static void generate() {
        generator = new EventGenerator(SimulatorSettings.unpaced(11, 300_000).withFraudRate(FRAUD_RATE));
        events = new ArrayList<>();
        while (generator.hasNext()) events.add(generator.next());
        incidents = Incidents.complete(events);
        Map<String, Set<String>> devices = new HashMap<>();
        Map<String, Set<String>> merchants = new HashMap<>();
        for (RiskEvent e : events) {
            Set<String> d = devices.computeIfAbsent(e.entityId(), k -> new HashSet<>());
            Set<String> m = merchants.computeIfAbsent(e.entityId(), k -> new HashSet<>());
            if (e.scenario() != null) {
                seenDevice.put(e, d.contains(e.deviceId()));
                seenMerchant.put(e, m.contains(e.merchantId()));
            }
            if (e.deviceId() != null) d.add(e.deviceId());
            if (e.merchantId() != null) m.add(e.merchantId());
        }
    }

    @Test
    void scenariosAreInjectedAtTheConfiguredRateAndWeights() {
        double rate = (double) generator.injected() / generator.sessions();
        assertThat(rate).isBetween(FRAUD_RATE * 0.85, FRAUD_RATE * 1.15);
        for (ScenarioType type : ScenarioType.values()) {
            long injected = generator.injected(type);
            assertThat((double) injected / generator.injected()).as(type.label()).isBetween(0.15, 0.25);
            // the last few may still sit in the queue when the budget runs out
            assertThat((long) Incidents.of(events).get(type).size()).as(type.label()).isBetween(injected - 5, injected);
            assertThat(incidents.get(type).size()).as(type.label()).isGreaterThan(500);
        }
    }

    @Test
    void aDisabledScenarioNeverAppearsAndGenuineOnlyRunsHaveNoLabels() {
        SimulatorSettings base = SimulatorSettings.unpaced(11, 50_000).withFraudRate(0.05);
        assertThat(Simulator.events(base.withScenarioWeight(ScenarioType.CARD_TESTING, 0))
                .filter(e -> e.scenario() != null).map(RiskEvent::scenario).distinct().toList())
                .hasSize(4).doesNotContain("card_testing");
        assertThat(Simulator.events(base.onlyScenario(ScenarioType.AMOUNT_SPIKE))
                .filter(e -> e.scenario() != null).map(RiskEvent::scenario).distinct().toList())
                .containsExactly("amount_spike");
        assertThat(Simulator.events(base.withFraudRate(0)).noneMatch(e -> !e.attributes().isEmpty())).isTrue();
    }

    @Test
    void cardTestingIsABurstOfSmallDeclinedCardNotPresentPayments() {
        long declined = 0;
        long total = 0;
        for (Incident burst : incidents.get(ScenarioType.CARD_TESTING)) {
            assertThat(burst.events()).hasSizeBetween(5, 30);
            assertThat(burst.spanMillis()).isLessThanOrEqualTo(2 * MINUTE);
            assertThat(burst.events().stream().map(RiskEvent::merchantId).distinct().count()).isBetween(1L, 3L);
            for (RiskEvent e : burst.events()) {
                double unit = Countries.unitsPerEur(e.currency());
                assertThat(e.type()).isEqualTo(EventType.PAYMENT);
                assertThat(e.channel()).isEqualTo(Channel.CARD_NOT_PRESENT);
                assertThat(e.merchantCategory()).isIn("5999", "5968");
                assertThat(e.amount()).isBetween(0.5 * unit * 0.99 - 1, 5 * unit * 1.01 + 1);
                if (e.status() == EventStatus.DECLINED) declined++;
                total++;
            }
        }
        assertThat((double) declined / total).isBetween(0.5, 0.85);
    }

    @Test
    void accountTakeoverLogsInFromANewForeignDeviceThenMovesLargeSumsToNewPayees() {
        int withFailedLogins = 0;
        for (Incident ato : incidents.get(ScenarioType.ACCOUNT_TAKEOVER)) {
            SimEntity owner = generator.entity(ato.entityId());
            List<RiskEvent> es = ato.events();
            assertThat(es.getFirst().type()).isEqualTo(EventType.LOGIN);
            assertThat(es.stream().map(RiskEvent::deviceId).distinct()).hasSize(1);
            assertThat(seenDevice.get(es.getFirst())).as("device new to %s", ato.entityId()).isFalse();
            assertThat(es.getFirst().country()).isNotEqualTo(owner.home.code());
            if (es.getFirst().status() == EventStatus.FAILED) withFailedLogins++;

            RiskEvent login = es.stream().filter(e -> e.type() == EventType.LOGIN && e.status() == EventStatus.APPROVED)
                    .findFirst().orElseThrow();
            List<RiskEvent> transfers = es.stream().filter(e -> e.type() == EventType.TRANSFER).toList();
            assertThat(transfers).hasSizeBetween(1, 3);
            for (RiskEvent t : transfers) {
                assertThat(t.epochMillis() - login.epochMillis()).isBetween(MINUTE, 20 * MINUTE);
                assertThat(t.amount()).isGreaterThan(2.9 * owner.typicalTransfer());
                assertThat(seenMerchant.get(t)).as("payee new to %s", ato.entityId()).isFalse();
            }
        }
        assertThat(withFailedLogins).isGreaterThan(incidents.get(ScenarioType.ACCOUNT_TAKEOVER).size() / 2);
    }

    @Test
    void impossibleTravelIsTwoCardPresentPaymentsFarApartWithinAnHour() {
        for (Incident pair : incidents.get(ScenarioType.IMPOSSIBLE_TRAVEL)) {
            assertThat(pair.events()).hasSize(2);
            RiskEvent here = pair.events().get(0);
            RiskEvent there = pair.events().get(1);
            assertThat(List.of(here, there)).allMatch(e -> e.type() == EventType.PAYMENT && e.channel() == Channel.CARD_PRESENT);
            assertThat(Countries.distanceKm(here.country(), there.country())).isGreaterThan(2_000);
            assertThat(pair.spanMillis()).isBetween(10 * MINUTE, 60 * MINUTE);
        }
    }

    @Test
    void amountSpikeIsOneHugePaymentAtANewRiskyMerchant() {
        for (Incident spike : incidents.get(ScenarioType.AMOUNT_SPIKE)) {
            assertThat(spike.events()).hasSize(1);
            RiskEvent e = spike.first();
            double typical = generator.entity(spike.entityId()).typicalAmount();
            assertThat(e.type()).isEqualTo(EventType.PAYMENT);
            assertThat(e.amount()).isBetween(7.9 * typical, 30.1 * typical + 1);
            assertThat(e.merchantCategory()).isIn("5732", "6051", "7995");
            assertThat(seenMerchant.get(e)).as("merchant new to %s", spike.entityId()).isFalse();
        }
    }

    @Test
    void muleFanOutPassesALargeDepositOnToManyNewPayeesWithinTheHour() {
        for (Incident mule : incidents.get(ScenarioType.MULE_FAN_OUT)) {
            RiskEvent deposit = mule.first();
            assertThat(deposit.type()).isEqualTo(EventType.DEPOSIT);
            assertThat(deposit.amount()).isGreaterThan(30 * generator.entity(mule.entityId()).typicalAmount());
            List<RiskEvent> transfers = mule.events().stream().filter(e -> e.type() == EventType.TRANSFER).toList();
            assertThat(transfers).hasSizeBetween(5, 15);
            assertThat(transfers.stream().map(RiskEvent::merchantId).distinct()).hasSameSizeAs(transfers);
            assertThat(transfers).allMatch(t -> !seenMerchant.get(t));
            assertThat(mule.spanMillis()).isLessThanOrEqualTo(60 * MINUTE);
            double passedOn = transfers.stream().mapToDouble(RiskEvent::amount).sum();
            assertThat(passedOn).isBetween(0.85 * deposit.amount(), deposit.amount());
        }
    }
}
