package com.riskpulse.engine.score;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.AssessmentIds;
import com.riskpulse.engine.assessment.RiskScorer;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.riskpulse.engine.score.RiskLevel.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring table: given these events for one entity, the last one must come out as expected.
 * Each row says why. Thresholds are the seed defaults (0.3 / 0.5 / 0.8, critical 0.95).
 */
class ScoringScenariosTest {

    static Stream<Arguments> scenarios() {
        return Stream.of(
                row("a quiet account stays low: one more ordinary grocery payment",
                        t -> t.habit(30).after(Duration.ofHours(20)).add(t.payment(35)),
                        a -> a.level() == LOW),
                row("card testing: the 8th tiny card-not-present payment within a minute is high",
                        t -> {
                            t.habit(30).after(Duration.ofHours(20));
                            for (int i = 0; i < 8; i++) {
                                t.after(Duration.ofSeconds(7)).add(t.payment(1 + i % 3).channel(Channel.CARD_NOT_PRESENT)
                                        .merchant("m-shop-x", "5999").status(i % 3 == 0 ? EventStatus.DECLINED : EventStatus.APPROVED));
                            }
                            return t;
                        },
                        a -> a.level().atLeast(HIGH) && a.rulesFired().contains("card_testing")),
                row("account takeover: a login from a new device in a new country, then a large transfer, is high",
                        t -> t.habit(30).after(Duration.ofHours(20))
                                .add(t.base(EventType.LOGIN).device("d-unknown").country("NG").channel(Channel.ONLINE_BANKING))
                                .after(Duration.ofMinutes(4))
                                .add(t.base(EventType.TRANSFER).amount(4_800).currency("EUR").device("d-unknown").country("NG")
                                        .channel(Channel.ONLINE_BANKING).merchant("payee-new", null)),
                        a -> a.level().atLeast(HIGH) && a.rulesFired().contains("takeover_cash_out")),
                row("the login of a takeover is already suspicious: new device and new country",
                        t -> t.habit(30).after(Duration.ofHours(20))
                                .add(t.base(EventType.LOGIN).device("d-unknown").country("NG").channel(Channel.ONLINE_BANKING)),
                        a -> a.level().atLeast(MEDIUM) && a.rulesFired().contains("new_device_and_foreign_country")),
                row("an amount ten times the account's habit is at least medium",
                        t -> t.habit(30).after(Duration.ofHours(20)).add(t.payment(400)),
                        a -> a.level().atLeast(MEDIUM) && a.features().get(Feature.AMOUNT_RATIO) >= 8),
                row("a country change faster than travel allows counts: DE then US 30 minutes later",
                        t -> t.habit(30).after(Duration.ofHours(20)).add(t.payment(40))
                                .after(Duration.ofMinutes(30)).add(t.payment(40).country("US")),
                        a -> a.features().get(Feature.TRAVEL_SPEED_KMH) > 5_000 && a.rulesFired().contains("impossible_travel")
                                && a.level().atLeast(MEDIUM)),
                row("a real trip is not impossible travel: DE then US 12 hours later",
                        t -> t.habit(30).after(Duration.ofHours(20)).add(t.payment(40))
                                .after(Duration.ofHours(12)).add(t.payment(40).country("US")),
                        a -> !a.rulesFired().contains("impossible_travel") && a.level().compareTo(HIGH) < 0),
                row("mule fan-out: the 5th transfer to a new payee within the hour is high",
                        t -> {
                            t.habit(30).after(Duration.ofHours(20))
                                    .add(t.base(EventType.DEPOSIT).amount(9_000).channel(Channel.ONLINE_BANKING));
                            for (int i = 0; i < 5; i++) {
                                t.after(Duration.ofMinutes(6)).add(t.base(EventType.TRANSFER).amount(1_700)
                                        .channel(Channel.ONLINE_BANKING).merchant("payee-" + i, null));
                            }
                            return t;
                        },
                        a -> a.level().atLeast(HIGH) && a.rulesFired().contains("mule_fan_out")),
                row("a brand-new account's first ordinary payment is low",
                        t -> t.add(t.payment(30)),
                        a -> a.level() == LOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void lastEventOfTheScenarioScoresAsExpected(String why, Function<EntityTimeline, EntityTimeline> scenario,
                                                Predicate<Assessment> expected) {
        List<Assessment> assessments = scoreAll(scenario.apply(EntityTimeline.of("acct-1")).events());
        Assessment last = assessments.getLast();
        assertThat(last).as("%s%nscore %.3f, rules %s, contributions %s", why, last.score(), last.rulesFired(),
                last.contributions()).matches(expected);
    }

    static List<Assessment> scoreAll(List<RiskEvent> events) {
        ScoringModel model = ScoringModel.compile(ScoringConfig.defaults());
        RiskScorer scorer = new RiskScorer(() -> model, new AssessmentIds(0), Duration.ofMinutes(5));
        List<Assessment> out = new ArrayList<>();
        for (RiskEvent e : events) {
            Assessment a = scorer.score(e);
            if (a != null) out.add(a);
        }
        return out;
    }

    private static Arguments row(String why, Function<EntityTimeline, EntityTimeline> scenario, Predicate<Assessment> expected) {
        return Arguments.of(why, scenario, expected);
    }
}
