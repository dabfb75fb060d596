package com.riskpulse.engine.simulator;

import com.riskpulse.engine.event.EventJson;
import com.riskpulse.engine.event.ParseResult;
import com.riskpulse.engine.event.RiskEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Same settings, same bytes; and the basic contract of every event the simulator hands out. */
class SimulatorDeterminismTest {

    private static final int N = 50_000;
    private static final Pattern ENTITY_ID = Pattern.compile("acct-\\d{5}");
    private static List<RiskEvent> events;

    @BeforeAll
    static void generate() {
        events = Simulator.events(SimulatorSettings.unpaced(7, N).withFraudRate(0.01)).toList();
    }

    @Test
    void sameSeedAndSettingsGiveTheSameEventsByteForByte() {
        List<String> first = events.stream().map(EventJson::write).toList();
        List<String> again = Simulator.events(SimulatorSettings.unpaced(7, N).withFraudRate(0.01))
                .map(EventJson::write).toList();

        assertThat(first).hasSize(N);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherStream() {
        List<RiskEvent> other = Simulator.events(SimulatorSettings.unpaced(8, 1_000).withFraudRate(0.01)).toList();

        int sameContent = 0;
        for (int i = 0; i < other.size(); i++) {
            RiskEvent a = events.get(i);
            RiskEvent b = other.get(i);
            if (a.entityId().equals(b.entityId()) && a.timestamp().equals(b.timestamp())) sameContent++;
        }
        assertThat(sameContent).isLessThan(10);
        assertThat(other.getFirst().eventId()).isEqualTo("sim-8-1");
    }

    @Test
    void theStartInstantMovesTheWholeRunAndNothingElse() {
        Instant later = SimulatorSettings.DEFAULT_START.plusSeconds(86_400 * 7);
        List<RiskEvent> moved = Simulator.events(SimulatorSettings.unpaced(7, 2_000).withFraudRate(0.01)
                .withStart(later)).toList();

        assertThat(moved.getFirst().timestamp()).isAfterOrEqualTo(later);
        // a week later, same weekday and hour: the daily rhythm gives the same draws, so the same stream
        for (int i = 0; i < moved.size(); i++) {
            assertThat(moved.get(i).timestamp()).isEqualTo(events.get(i).timestamp().plusSeconds(86_400 * 7));
            assertThat(moved.get(i).entityId()).isEqualTo(events.get(i).entityId());
        }
    }

    @Test
    void timestampsNeverGoBackAndIdsCountUp() {
        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        for (int i = 0; i < events.size(); i++) {
            RiskEvent e = events.get(i);
            assertThat(e.timestamp()).isAfterOrEqualTo(previous);
            assertThat(e.timestamp().getNano() % 1_000_000).as("millisecond precision").isZero();
            assertThat(e.eventId()).isEqualTo("sim-7-" + (i + 1));
            assertThat(ids.add(e.eventId())).isTrue();
            previous = e.timestamp();
        }
        assertThat(events.getFirst().timestamp()).isAfterOrEqualTo(SimulatorSettings.DEFAULT_START);
    }

    @Test
    void everyEventSurvivesTheWireFormat() {
        for (RiskEvent e : events) {
            ParseResult parsed = EventJson.parse(EventJson.write(e));
            assertThat(parsed).isInstanceOf(ParseResult.Accepted.class);
            assertThat(((ParseResult.Accepted) parsed).event()).isEqualTo(e);
        }
    }

    @Test
    void fieldsAreWellFormed() {
        for (RiskEvent e : events) {
            assertThat(e.entityId()).matches(ENTITY_ID);
            int number = Integer.parseInt(e.entityId().substring(5));
            assertThat(number).isBetween(1, 5_000);
            if (e.country() != null) assertThat(Countries.of(e.country())).as(e.country()).isNotNull();
            if (e.hasAmount()) {
                assertThat(e.amount()).isPositive();
                assertThat(e.currency()).hasSize(3);
            }
            if (e.merchantCategory() != null) assertThat(MerchantCategory.ofCode(e.merchantCategory())).isNotNull();
            assertThat(e.status()).isNotNull();
            assertThat(e.channel()).isNotNull();
            assertThat(e.attributes().keySet()).isSubsetOf(RiskEvent.SCENARIO_ATTRIBUTE);
        }
        assertThat(events.stream().map(RiskEvent::country).distinct().count()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void theEventBudgetIsKept() {
        assertThat(Simulator.events(SimulatorSettings.unpaced(1, 123)).count()).isEqualTo(123);
        assertThat(Simulator.events(SimulatorSettings.unpaced(1, 0)).limit(5_000).count()).isEqualTo(5_000);
    }

    @Test
    void eventTimeRunsAtTheConfiguredRateOverWholeDays() {
        // the configured rate is a daily mean: nights are quiet, so only whole days can be compared
        Instant twoDaysLater = SimulatorSettings.DEFAULT_START.plusSeconds(2 * 86_400);
        for (double rate : new double[]{1.0, 4.0}) {
            long count = Simulator.events(SimulatorSettings.unpaced(3, 0).withEventsPerSecond(rate))
                    .takeWhile(e -> e.timestamp().isBefore(twoDaysLater)).count();
            assertThat(count / (2 * 86_400.0)).as("events per second at %s", rate).isBetween(rate * 0.9, rate * 1.1);
        }
    }

    @Test
    void settingsAreValidated() {
        SimulatorSettings d = SimulatorSettings.defaults();
        assertThat(d.entities()).isEqualTo(5_000);
        assertThat(d.paced()).isTrue();
        assertThat(d.bounded()).isFalse();
        assertThatThrownBy(() -> d.withEntities(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withEventsPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withSpeedFactor(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withFraudRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withScenarioWeight(ScenarioType.CARD_TESTING, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(d.onlyScenario(ScenarioType.MULE_FAN_OUT).weight(ScenarioType.CARD_TESTING)).isZero();
    }
}
