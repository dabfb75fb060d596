package com.riskpulse.engine.assessment;

import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.testing.Fixtures;
import org.junit.jupiter.params.provider.Arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A small history to query, and a table of queries with the rows each must return, written as plain
 * predicates so the expectation is obviously right. Ids rise with the index; event times and scoring
 * times are deliberately out of id order, so a filter cannot pass by accident of ordering.
 */
final class HistoryCases {

    static final int SIZE = 40;
    static final long BASE_ID = 1_000_000;
    /** Scoring times start here, one second apart in a shuffled order. */
    static final Instant SCORED = T0.plus(Duration.ofHours(1));
    private static final List<String> ENTITIES = List.of("acct-a", "acct-b", "acct-c");

    private HistoryCases() {
    }

    /** Fresh event ids on every call, so the same history can be stored in every test. */
    static List<Assessment> dataset() {
        List<Assessment> rows = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            RiskLevel level = RiskLevel.values()[(i / 2) % 4];
            var event = Fixtures.eventBuilder(ENTITIES.get(i % 3), minute((i * 17) % SIZE),
                    i % 4 == 3 ? EventType.LOGIN : EventType.PAYMENT).build();
            rows.add(Fixtures.assessmentBuilder(event).id(BASE_ID + i)
                    .scored(level.ordinal() * 0.25 + (i % 5) * 0.04, level) // 0.00 .. 0.91, boundaries included
                    .scoredAt(SCORED.plusSeconds((i * 7) % SIZE)).build());
        }
        return rows;
    }

    static Instant minute(int n) {
        return T0.plus(Duration.ofMinutes(n));
    }

    static List<Assessment> newestFirst(List<Assessment> rows, Predicate<Assessment> filter) {
        return rows.stream().filter(filter).sorted(Comparator.comparingLong(Assessment::id).reversed()).toList();
    }

    static HistoryQuery withLimit(HistoryQuery q, int limit) {
        return new HistoryQuery(q.entityId(), q.levels(), q.minScore(), q.maxScore(), q.from(), q.to(), q.beforeId(), limit);
    }

    /** name, query (any limit: tests set their own), the rows it must match. */
    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no filter", q(null, Set.of(), null, null, null, null, null), is(a -> true)),
                arguments("entity", q("acct-b", Set.of(), null, null, null, null, null), is(a -> a.entityId().equals("acct-b"))),
                arguments("one level", q(null, Set.of(RiskLevel.HIGH), null, null, null, null, null),
                        is(a -> a.level() == RiskLevel.HIGH)),
                arguments("two levels", q(null, Set.of(RiskLevel.LOW, RiskLevel.CRITICAL), null, null, null, null, null),
                        is(a -> a.level() == RiskLevel.LOW || a.level() == RiskLevel.CRITICAL)),
                arguments("every level", q(null, Set.of(RiskLevel.values()), null, null, null, null, null), is(a -> true)),
                arguments("min score", q(null, Set.of(), 0.5, null, null, null, null), is(a -> a.score() >= 0.5)),
                arguments("max score", q(null, Set.of(), null, 0.29, null, null, null), is(a -> a.score() <= 0.29)),
                arguments("score exactly", q(null, Set.of(), 0.5, 0.5, null, null, null), is(a -> a.score() == 0.5)),
                arguments("from", q(null, Set.of(), null, null, minute(10), null, null),
                        is(a -> !a.event().timestamp().isBefore(minute(10)))),
                arguments("to", q(null, Set.of(), null, null, null, minute(20), null),
                        is(a -> a.event().timestamp().isBefore(minute(20)))),
                arguments("before id", q(null, Set.of(), null, null, null, null, BASE_ID + 20), is(a -> a.id() < BASE_ID + 20)),
                arguments("all combined",
                        q("acct-a", Set.of(RiskLevel.MEDIUM, RiskLevel.HIGH), 0.26, 0.7, minute(5), minute(35), BASE_ID + 37),
                        is(a -> a.entityId().equals("acct-a") && a.level().atLeast(RiskLevel.MEDIUM)
                                && a.level() != RiskLevel.CRITICAL && a.score() >= 0.26 && a.score() <= 0.7
                                && !a.event().timestamp().isBefore(minute(5)) && a.event().timestamp().isBefore(minute(35))
                                && a.id() < BASE_ID + 37)),
                arguments("nothing matches", q("acct-nobody", Set.of(), null, null, null, null, null), is(a -> false)));
    }

    private static HistoryQuery q(String entity, Set<RiskLevel> levels, Double min, Double max, Instant from, Instant to,
                                  Long beforeId) {
        return new HistoryQuery(entity, levels, min, max, from, to, beforeId, HistoryQuery.DEFAULT_LIMIT);
    }

    /** Names the predicate type for the argument list. */
    private static Predicate<Assessment> is(Predicate<Assessment> p) {
        return p;
    }
}
