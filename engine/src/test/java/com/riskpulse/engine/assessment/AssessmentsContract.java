package com.riskpulse.engine.assessment;

import com.riskpulse.engine.assessment.Assessments.StoreOutcome;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.testing.Fixtures;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link Assessments} must do, run against each database and write strategy by a small
 * subclass. Each subclass gets a fresh database; each test starts from an empty table. The history
 * queries are a table in {@link HistoryCases}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AssessmentsContract {

    static final int PRUNE_CHUNK = 3;

    private TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    protected Assessments assessments;

    /** A fresh, migrated database for this class; closed after its last test. */
    protected abstract TestDatabases.Scratch openDatabase();

    protected abstract JdbcAssessments.WriteStrategy strategy();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test: Surefire shows a class-level abort as "0 tests", hiding why
            return;
        }
        // a tiny prune chunk makes every prune test cross chunk boundaries
        assessments = new JdbcAssessments(db.database().dataSource(), db.database().dialect(), strategy(), PRUNE_CHUNK);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        if (unavailable != null) Assumptions.abort(unavailable.getMessage());
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM assessments");
        }
    }

    @Test
    void storedAssessmentReadsBackEqual() {
        Assessment full = Fixtures.assessmentBuilder().late(true).scoredAt(T0.plusNanos(123_456_000)).build();
        Assessment minimal = Fixtures.assessmentBuilder(Fixtures.minimalEvent("acct-min", T0, EventType.LOGIN))
                .contributions(List.of()).rulesFired(List.of()).build();

        assertThat(assessments.storeAll(List.of(full, minimal))).isEqualTo(new StoreOutcome(2, 0));

        assertThat(assessments.byId(full.id())).contains(full);
        assertThat(assessments.byId(minimal.id())).contains(minimal);
    }

    @Test
    void awkwardTextAndNumbersSurviveTheRoundTrip() {
        double[] values = new double[Feature.count()];
        values[0] = Double.NaN;
        values[1] = -0.0;
        values[2] = 1e-300;
        values[3] = 123_456_789.123_456_7;
        values[4] = Double.NEGATIVE_INFINITY;
        values[5] = 1e21;
        var event = Fixtures.eventBuilder().merchant("m\t7\\7\n\"x\"", "59\r99")
                .attributes(Map.of("note", "tab\there, new\nline, back\\slash, \"quotes\", é, 😀", "empty", ""))
                .build();
        Assessment odd = Fixtures.assessmentBuilder(event).features(FeatureVector.wrap(values))
                .modelVersion("model\twith\\escapes").rulesFired(List.of("rule, with comma", "rule\"quoted\"")).build();

        assessments.storeAll(List.of(odd));

        assertThat(assessments.byEventId(odd.eventId())).contains(odd);
    }

    @Test
    void sameEventInALaterBatchIsStoredOnce() {
        Assessment first = Fixtures.assessment();
        Assessment again = Fixtures.assessmentBuilder(first.event()).score(0.99).level(RiskLevel.CRITICAL).build();

        assertThat(assessments.storeAll(List.of(first))).isEqualTo(new StoreOutcome(1, 0));
        assertThat(assessments.storeAll(List.of(again))).isEqualTo(new StoreOutcome(0, 1));

        assertThat(assessments.count()).isEqualTo(1);
        assertThat(assessments.byEventId(first.eventId())).contains(first);
        assertThat(assessments.byId(again.id())).isEmpty();
    }

    @Test
    void sameEventTwiceInOneBatchIsStoredOnceAndTheFirstWins() {
        Assessment first = Fixtures.assessment();
        Assessment again = Fixtures.assessmentBuilder(first.event()).score(0.99).build();
        Assessment other = Fixtures.assessment();

        assertThat(assessments.storeAll(List.of(first, again, other))).isEqualTo(new StoreOutcome(2, 1));

        assertThat(assessments.count()).isEqualTo(2);
        assertThat(assessments.byEventId(first.eventId())).contains(first);
    }

    @Test
    void reDeliveredBatchStoresNothing() {
        List<Assessment> batch = IntStream.range(0, 5).mapToObj(i -> Fixtures.assessment()).toList();

        assertThat(assessments.storeAll(batch)).isEqualTo(new StoreOutcome(5, 0));
        assertThat(assessments.storeAll(batch)).isEqualTo(new StoreOutcome(0, 5));

        assertThat(assessments.count()).isEqualTo(5);
    }

    @Test
    void mixedBatchCountsNewRowsAndDuplicatesOfBothKinds() {
        Assessment stored = Fixtures.assessment();
        assessments.storeAll(List.of(stored));
        Assessment fresh = Fixtures.assessment();
        List<Assessment> batch = List.of(fresh, Fixtures.assessmentBuilder(stored.event()).build(), Fixtures.assessment(),
                Fixtures.assessmentBuilder(fresh.event()).build());

        assertThat(assessments.storeAll(batch)).isEqualTo(new StoreOutcome(2, 2));
        assertThat(assessments.count()).isEqualTo(3);
    }

    @Test
    void largeBatchWithDuplicatesIsCountedExactly() {
        // larger than a multi-row chunk and not a multiple of PgJDBC's rewrite sizes
        List<Assessment> earlier = IntStream.range(0, 300).mapToObj(i -> Fixtures.assessment()).toList();
        assessments.storeAll(earlier);
        List<Assessment> batch = new ArrayList<>(IntStream.range(0, 1_203).mapToObj(i -> Fixtures.assessment()).toList());
        batch.addAll(earlier.subList(0, 100));
        batch.addAll(batch.subList(0, 50));
        Collections.shuffle(batch, new Random(7));

        assertThat(assessments.storeAll(batch)).isEqualTo(new StoreOutcome(1_203, 150));
        assertThat(assessments.count()).isEqualTo(1_503);
    }

    @Test
    void emptyBatchStoresNothing() {
        assertThat(assessments.storeAll(List.of())).isEqualTo(new StoreOutcome(0, 0));
    }

    @Test
    void latestIsNewestFirst() {
        List<Assessment> all = IntStream.range(0, 10).mapToObj(i -> Fixtures.assessment()).toList();
        List<Assessment> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(1));
        assessments.storeAll(shuffled.subList(0, 5));
        assessments.storeAll(shuffled.subList(5, 10));

        assertThat(assessments.latest(3)).containsExactly(all.get(9), all.get(8), all.get(7));
        assertThat(assessments.latest(100)).containsExactlyElementsOf(all.reversed());
    }

    @Test
    void byIdAndByEventIdFindTheRowOrNothing() {
        Assessment a = Fixtures.assessment();
        Assessment b = Fixtures.assessment();
        assessments.storeAll(List.of(a, b));

        assertThat(assessments.byId(b.id())).contains(b);
        assertThat(assessments.byEventId(a.eventId())).contains(a);
        assertThat(assessments.byId(b.id() + 1)).isEmpty();
        assertThat(assessments.byEventId("no-such-event")).isEmpty();
    }

    @Test
    void pruneDeletesOnlyWhatWasScoredBeforeTheCutoffInChunks() {
        List<Assessment> old = IntStream.range(0, 10)
                .mapToObj(i -> Fixtures.assessmentBuilder().scoredAt(T0.minusSeconds(100 - i)).build()).toList();
        List<Assessment> recent = IntStream.range(0, 4)
                .mapToObj(i -> Fixtures.assessmentBuilder().scoredAt(T0.plusSeconds(i)).build()).toList();
        assessments.storeAll(old);
        assessments.storeAll(recent);

        assertThat(assessments.pruneScoredBefore(T0)).isEqualTo(10); // more than three chunks of three
        assertThat(assessments.pruneScoredBefore(T0)).isZero();

        assertThat(assessments.count()).isEqualTo(4);
        assertThat(assessments.latest(100)).containsExactlyInAnyOrderElementsOf(recent);
    }

    @Test
    void pruneOfAnExactMultipleOfTheChunkDeletesEverything() {
        assessments.storeAll(IntStream.range(0, 2 * PRUNE_CHUNK)
                .mapToObj(i -> Fixtures.assessmentBuilder().scoredAt(T0.minusSeconds(i + 1)).build()).toList());

        assertThat(assessments.pruneScoredBefore(T0)).isEqualTo(2 * PRUNE_CHUNK);
        assertThat(assessments.count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.riskpulse.engine.assessment.HistoryCases#cases")
    void historyFiltersAloneAndCombined(String name, HistoryQuery query, Predicate<Assessment> matches) {
        List<Assessment> data = storeShuffled(HistoryCases.dataset());

        Page<Assessment> page = assessments.history(HistoryCases.withLimit(query, HistoryQuery.MAX_LIMIT));

        assertThat(page.items()).containsExactlyElementsOf(HistoryCases.newestFirst(data, matches));
        assertThat(page.nextCursor()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.riskpulse.engine.assessment.HistoryCases#cases")
    void pagingWalksEveryMatchingRowExactlyOnce(String name, HistoryQuery query, Predicate<Assessment> matches) {
        List<Assessment> data = storeShuffled(HistoryCases.dataset());
        List<Long> seen = new ArrayList<>();
        HistoryQuery pageQuery = HistoryCases.withLimit(query, 3);
        Long cursor = query.beforeId();
        for (int pages = 0; pages <= HistoryCases.SIZE; pages++) {
            Page<Assessment> page = assessments.history(pageQuery.after(cursor));
            page.items().forEach(a -> seen.add(a.id()));
            if (!page.hasMore()) break;
            assertThat(page.items()).hasSize(3);
            assertThat(page.nextCursor()).isEqualTo(page.items().getLast().id());
            cursor = page.nextCursor();
        }

        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyElementsOf(HistoryCases.newestFirst(data, matches).stream().map(Assessment::id).toList());
    }

    @Test
    void aPageSizeThatDividesTheCountLeavesNoEmptyLastPage() {
        List<Assessment> rows = IntStream.range(0, 8).mapToObj(i -> Fixtures.assessment()).toList();
        assessments.storeAll(rows);

        Page<Assessment> first = assessments.history(HistoryQuery.all(4));
        Page<Assessment> second = assessments.history(HistoryQuery.all(4).after(first.nextCursor()));

        assertThat(first.items()).containsExactlyElementsOf(rows.reversed().subList(0, 4));
        assertThat(second.items()).containsExactlyElementsOf(rows.reversed().subList(4, 8));
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void statsCountEveryLevelScoredInTheWindow() {
        List<Assessment> data = storeShuffled(HistoryCases.dataset());
        Instant from = HistoryCases.SCORED.plusSeconds(10);
        Instant to = HistoryCases.SCORED.plusSeconds(30);
        List<Assessment> inWindow = data.stream()
                .filter(a -> !a.scoredAt().isBefore(from) && a.scoredAt().isBefore(to)).toList();

        LevelStats stats = assessments.stats(from, to);

        assertThat(stats.byLevel()).containsOnlyKeys(RiskLevel.values());
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(stats.byLevel().get(level)).as(level.name())
                    .isEqualTo(inWindow.stream().filter(a -> a.level() == level).count());
        }
        assertThat(stats.total()).isEqualTo(20);
        assertThat(stats.meanScore()).isCloseTo(inWindow.stream().mapToDouble(Assessment::score).average().orElseThrow(),
                within(1e-9));
        assertThat(stats.maxScore()).isEqualTo(inWindow.stream().mapToDouble(Assessment::score).max().orElseThrow());
        assertThat(stats.from()).isEqualTo(from);
        assertThat(stats.to()).isEqualTo(to);
    }

    @Test
    void statsOfAnEmptyWindowAreZeroForEveryLevel() {
        storeShuffled(HistoryCases.dataset());

        LevelStats stats = assessments.stats(T0.minusSeconds(60), T0);

        assertThat(stats.byLevel()).containsOnlyKeys(RiskLevel.values()).allSatisfy((level, n) -> assertThat(n).isZero());
        assertThat(stats.total()).isZero();
        assertThat(stats.meanScore()).isZero();
        assertThat(stats.maxScore()).isZero();
    }

    /** Stores in a shuffled order and in several batches, so nothing depends on insertion order. */
    private List<Assessment> storeShuffled(List<Assessment> rows) {
        List<Assessment> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(42));
        for (int from = 0; from < shuffled.size(); from += 15) {
            assessments.storeAll(shuffled.subList(from, Math.min(shuffled.size(), from + 15)));
        }
        return rows;
    }
}
