package com.riskpulse.engine.feature;

import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureExtractorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final FeatureExtractor extractor = new FeatureExtractor(Duration.ofMinutes(5));
    private final EntityState state = new EntityState();
    private int n;

    private FeatureExtractor.Outcome at(Duration offset, double amount) {
        return apply(RiskEvent.builder("e-" + (++n), "acct-1", T0.plus(offset), EventType.PAYMENT)
                .amount(amount).channel(Channel.CARD_PRESENT).country("DE").device("d-1").merchant("m-1", "5411").build());
    }

    private FeatureExtractor.Outcome apply(RiskEvent e) {
        return extractor.apply(state, e);
    }

    @Test
    void lateEventWithinTheAllowedLatenessStillCountsInTheWindows() {
        at(Duration.ofSeconds(0), 10);
        at(Duration.ofSeconds(50), 10);
        FeatureExtractor.Outcome late = at(Duration.ofSeconds(30), 10); // 20 s behind this entity's newest event

        assertThat(late.late()).isFalse();
        assertThat(late.vector().get(Feature.COUNT_1M)).isEqualTo(3);
        assertThat(at(Duration.ofSeconds(55), 10).vector().get(Feature.COUNT_1M)).isEqualTo(4);
    }

    @Test
    void eventOlderThanTheAllowedLatenessIsScoredButLeavesTheWindowsAlone() {
        at(Duration.ofHours(2), 10);
        FeatureExtractor.Outcome tooLate = at(Duration.ZERO, 10); // two hours behind, lateness is five minutes

        assertThat(tooLate.late()).isTrue();
        assertThat(tooLate.vector()).isNotNull();
        assertThat(at(Duration.ofHours(2).plusSeconds(1), 10).vector().get(Feature.COUNT_24H)).isEqualTo(2);
    }

    @Test
    void lateIsJudgedPerEntityNotAgainstTheWholeStream() {
        FeatureExtractor.Outcome other = new FeatureExtractor(Duration.ofMinutes(5)).apply(new EntityState(),
                RiskEvent.builder("x-1", "acct-2", T0.plus(Duration.ofDays(1)), EventType.LOGIN).build());
        // yesterday's events of acct-1 are not late just because acct-2 is a day ahead
        FeatureExtractor.Outcome backfill = at(Duration.ZERO, 10);

        assertThat(other.late()).isFalse();
        assertThat(backfill.late()).isFalse();
    }

    @Test
    void windowsSlideOnEventTime() {
        for (int i = 0; i < 5; i++) at(Duration.ofSeconds(i), 10);
        FeatureExtractor.Outcome later = at(Duration.ofMinutes(2), 10);

        assertThat(later.vector().get(Feature.COUNT_1M)).isEqualTo(1);
        assertThat(later.vector().get(Feature.COUNT_1H)).isEqualTo(6);
        assertThat(later.vector().get(Feature.AMOUNT_SUM_1H)).isEqualTo(60);
    }

    @Test
    void reDeliveredEventIsRecognisedAndNotCountedTwice() {
        RiskEvent e = RiskEvent.builder("e-dup", "acct-1", T0, EventType.PAYMENT).amount(10).build();
        assertThat(apply(e).duplicate()).isFalse();
        assertThat(apply(e).duplicate()).isTrue();
        assertThat(at(Duration.ofSeconds(1), 10).vector().get(Feature.COUNT_1M)).isEqualTo(2);
    }

    @Test
    void amountAgainstTheEntitysOwnHabit() {
        for (int i = 0; i < 20; i++) at(Duration.ofHours(i), 50);
        FeatureVector spike = at(Duration.ofHours(21), 500).vector();

        assertThat(spike.get(Feature.AMOUNT_RATIO)).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
        assertThat(spike.get(Feature.AMOUNT_ZSCORE)).isGreaterThan(5);
    }

    @Test
    void noveltyNeedsAHistoryAndIsJudgedBeforeTheEventIsRemembered() {
        FeatureVector first = at(Duration.ZERO, 10).vector();
        for (int i = 1; i < 5; i++) at(Duration.ofMinutes(i), 10);
        FeatureVector newDevice = apply(RiskEvent.builder("e-nd", "acct-1", T0.plus(Duration.ofMinutes(6)), EventType.LOGIN)
                .device("d-2").country("DE").build()).vector();
        FeatureVector sameAgain = apply(RiskEvent.builder("e-nd2", "acct-1", T0.plus(Duration.ofMinutes(7)), EventType.LOGIN)
                .device("d-2").country("DE").build()).vector();

        assertThat(first.flag(Feature.NEW_DEVICE)).as("everything is new to a new account: no signal").isFalse();
        assertThat(newDevice.flag(Feature.NEW_DEVICE)).isTrue();
        assertThat(newDevice.flag(Feature.NEW_COUNTRY)).isFalse();
        assertThat(sameAgain.flag(Feature.NEW_DEVICE)).isFalse();
    }

    @Test
    void failedShareCountsDeclinedAttempts() {
        for (int i = 0; i < 4; i++) {
            apply(RiskEvent.builder("f-" + i, "acct-1", T0.plusSeconds(i), EventType.PAYMENT).amount(5)
                    .status(i < 3 ? com.riskpulse.engine.event.EventStatus.DECLINED : com.riskpulse.engine.event.EventStatus.APPROVED).build());
        }
        assertThat(at(Duration.ofSeconds(5), 5).vector().get(Feature.FAILED_SHARE_1H)).isEqualTo(3 / 5.0);
    }
}
