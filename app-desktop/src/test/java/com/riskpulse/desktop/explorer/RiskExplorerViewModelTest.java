package com.riskpulse.desktop.explorer;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.score.RiskLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RiskExplorerViewModelTest {

    private static final String COMMA_ENTITY = "acme, inc";
    /** A zone five and a half hours off UTC: a window read in the wrong zone finds nothing. */
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter ROW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path data;
    static TestEngine engine;
    static RiskClient client;
    static int stored;

    @TempDir
    Path out;
    RecordingNavigator navigator;
    RiskExplorerViewModel viewModel;

    @BeforeAll
    static void startEngineWithTraffic() throws InterruptedException {
        engine = TestEngine.start(data);
        client = engine.admin();
        engine.ordinaryTraffic(300);
        engine.engine().pipeline().submit(RiskEvent.builder("comma-1", COMMA_ENTITY, Instant.now(), EventType.PAYMENT)
                .amount(12).currency("EUR").channel(Channel.CARD_PRESENT).merchant("m-1", "5411").country("DE").device("d-9").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.latest(1_000).size() >= 301);
        stored = client.latest(1_000).size();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void newViewModel() {
        navigator = new RecordingNavigator();
        viewModel = new RiskExplorerViewModel(new ScreenContext(client, Background.direct(), null, navigator, Clock.systemUTC()));
    }

    private Set<Long> shownIds() {
        Set<Long> ids = new HashSet<>();
        viewModel.rows().forEach(r -> ids.add(r.riskId()));
        return ids;
    }

    @Test
    void pagingForwardAndBackShowsDisjointPagesAndReturnsToTheSameOnes() {
        viewModel.search();
        Set<Long> first = shownIds();
        assertThat(first).hasSize(100);
        assertThat(viewModel.pageLabel().get()).isEqualTo("Page 1");
        assertThat(viewModel.hasPrevious().get()).isFalse();

        viewModel.next();
        Set<Long> second = shownIds();
        viewModel.next();
        Set<Long> third = shownIds();
        assertThat(viewModel.pageLabel().get()).isEqualTo("Page 3");
        assertThat(second).hasSize(100).doesNotContainAnyElementsOf(first);
        assertThat(third).hasSize(100).doesNotContainAnyElementsOf(first).doesNotContainAnyElementsOf(second);

        viewModel.previous();
        assertThat(shownIds()).isEqualTo(second);
        viewModel.previous();
        assertThat(shownIds()).isEqualTo(first);
        assertThat(viewModel.pageLabel().get()).isEqualTo("Page 1");
        assertThat(viewModel.hasPrevious().get()).isFalse();
    }

    @Test
    void theEntityFilterShowsOnlyThatEntity() {
        viewModel.entity().set("acct-3");
        viewModel.search();
        assertThat(viewModel.rows()).isNotEmpty().hasSizeLessThan(100)
                .allSatisfy(r -> assertThat(r.entity()).isEqualTo("acct-3"));
    }

    @Test
    void theLevelFilterShowsOnlyTheChosenLevels() {
        viewModel.search();
        String someLevel = viewModel.rows().getFirst().level();
        viewModel.level(RiskLevel.valueOf(someLevel.toUpperCase())).set(true);
        viewModel.search();
        assertThat(viewModel.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.level()).isEqualTo(someLevel));
    }

    @Test
    void theMinimumScoreFilterDropsLowerScores() {
        viewModel.search();
        double highest = viewModel.rows().stream().mapToDouble(RiskExplorerViewModel.Row::score).max().orElseThrow();
        double lowest = viewModel.rows().stream().mapToDouble(RiskExplorerViewModel.Row::score).min().orElseThrow();
        double threshold = lowest < highest ? (lowest + highest) / 2 : highest;
        viewModel.minScore().set(Double.toString(threshold));
        viewModel.search();
        assertThat(viewModel.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.score()).isGreaterThanOrEqualTo(threshold));
    }

    @Test
    void aMinimumAboveTheMaximumBlocksTheSearchWithAMessageNextToTheField() {
        viewModel.minScore().set("0.8");
        viewModel.maxScore().set("0.2");
        assertThat(viewModel.maxScoreError().get()).contains("at least min");
        assertThat(viewModel.canSearch().get()).isFalse();
        viewModel.search();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(navigator.errors).isEmpty();

        viewModel.maxScore().set("0.9");
        assertThat(viewModel.maxScoreError().get()).isEmpty();
        assertThat(viewModel.canSearch().get()).isTrue();
    }

    @Test
    void aScoreOutsideZeroToOneOrNotANumberIsRefusedAsTyped() {
        viewModel.minScore().set("1.5");
        assertThat(viewModel.minScoreError().get()).isEqualTo("Scores are between 0 and 1.");
        viewModel.minScore().set("abc");
        assertThat(viewModel.minScoreError().get()).isEqualTo("Not a number.");
        assertThat(viewModel.canSearch().get()).isFalse();
        viewModel.minScore().set("");
        assertThat(viewModel.canSearch().get()).isTrue();
    }

    @Test
    void exportingWritesAHeaderAndEveryStoredAssessmentQuotingCommas() throws IOException {
        Path file = out.resolve("risks.csv");
        viewModel.export(file);
        List<String> lines = List.of(Files.readString(file).split("\r\n"));
        assertThat(navigator.errors).isEmpty();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", RiskExplorerViewModel.CSV_HEADER));
        assertThat(lines).hasSize(1 + stored);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",\"" + COMMA_ENTITY + "\","));
        assertThat(viewModel.exportJob().running().get()).isFalse();
        assertThat(viewModel.exportJob().rowsWritten().get()).isEqualTo(stored);
        assertThat(navigator.notifications).singleElement().asString().contains("Exported " + stored + " rows");
    }

    @Test
    void anExportThatCannotBeWrittenLeavesNoFileAndSaysWhy() throws IOException {
        Path notAFolder = Files.writeString(out.resolve("plain-file"), "x");
        Path file = notAFolder.resolve("risks.csv");
        viewModel.export(file);
        assertThat(file).doesNotExist();
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(notAFolder);
        }
        assertThat(navigator.errors).singleElement().asString().startsWith("Export:");
        assertThat(viewModel.exportJob().message().get()).startsWith("Export failed");
    }

    @Test
    void aDoubleClickedRowOpensItsAssessment() {
        viewModel.search();
        RiskExplorerViewModel.Row row = viewModel.rows().get(3);
        viewModel.open(row);
        assertThat(navigator.assessments).containsExactly(row.riskId());
    }

    @Test
    void rowsShowTheEventsTypeAmountCurrencyAndCountry() {
        viewModel.entity().set(COMMA_ENTITY);
        viewModel.search();
        RiskView risk = client.history(new HistoryQuery(COMMA_ENTITY, Set.of(), null, null, null, null, null, 10)).items().getFirst();
        assertThat(viewModel.rows()).singleElement().satisfies(r -> {
            assertThat(r.riskId()).isEqualTo(risk.riskId());
            assertThat(r.type()).isEqualTo("PAYMENT");
            assertThat(r.amount()).isEqualTo("12.0");
            assertThat(r.currency()).isEqualTo("EUR");
            assertThat(r.country()).isEqualTo("DE");
        });
    }

    /** Sets "Between dates" from the minute of {@code from} to the minute of {@code to}, as typed in the screen. */
    private static void between(RiskExplorerViewModel vm, ZonedDateTime from, ZonedDateTime to) {
        vm.period().set(RiskExplorerViewModel.Period.DATES);
        vm.fromDate().set(from.toLocalDate());
        vm.fromTime().set(HH_MM.format(from));
        vm.toDate().set(to.toLocalDate());
        vm.toTime().set(HH_MM.format(to));
    }

    private RiskExplorerViewModel viewModelIn(ZoneId zone) {
        return new RiskExplorerViewModel(new ScreenContext(client, Background.direct(), null, navigator, Clock.system(zone)));
    }

    private static Instant commaRiskTime() {
        return client.history(new HistoryQuery(COMMA_ENTITY, Set.of(), null, null, null, null, null, 10)).items().getFirst().timestamp();
    }

    @Test
    void aTimeWindowOfAFewMinutesAroundTheStoredAssessmentsFindsThemAndOneOutsideFindsNone() {
        RiskExplorerViewModel inKolkata = viewModelIn(KOLKATA);
        ZonedDateTime t = commaRiskTime().atZone(KOLKATA);

        between(inKolkata, t.minusMinutes(2), t.plusMinutes(2));
        inKolkata.search();
        Instant from = t.minusMinutes(2).truncatedTo(ChronoUnit.MINUTES).toInstant();
        Instant to = t.plusMinutes(3).truncatedTo(ChronoUnit.MINUTES).toInstant();
        assertThat(inKolkata.rows()).hasSize(100)
                .allSatisfy(r -> assertThat(LocalDateTime.parse(r.time(), ROW_TIME).atZone(KOLKATA).toInstant()).isBetween(from, to));

        between(inKolkata, t.minusMinutes(10), t.minusMinutes(5));
        inKolkata.search();
        assertThat(inKolkata.rows()).isEmpty();
        assertThat(inKolkata.status().get()).isEqualTo("No assessments match.");

        between(inKolkata, t.plusMinutes(5), t.plusMinutes(10));
        inKolkata.search();
        assertThat(inKolkata.rows()).isEmpty();
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void aToTimeIncludesItsWholeMinuteAndNothingAfterIt() {
        RiskExplorerViewModel inKolkata = viewModelIn(KOLKATA);
        ZonedDateTime t = commaRiskTime().atZone(KOLKATA);
        inKolkata.entity().set(COMMA_ENTITY);

        between(inKolkata, t, t);
        inKolkata.search();
        assertThat(inKolkata.rows()).singleElement().satisfies(r -> assertThat(r.entity()).isEqualTo(COMMA_ENTITY));

        between(inKolkata, t.minusMinutes(1), t.minusMinutes(1));
        inKolkata.search();
        assertThat(inKolkata.rows()).isEmpty();

        between(inKolkata, t.plusMinutes(1), t.plusMinutes(1));
        inKolkata.search();
        assertThat(inKolkata.rows()).isEmpty();
    }

    @Test
    void anInvalidTimeBlocksTheSearchWithAMessageUntilFixed() {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        viewModel.period().set(RiskExplorerViewModel.Period.DATES);
        viewModel.fromDate().set(today);
        viewModel.fromTime().set("25:00");
        assertThat(viewModel.dateError().get()).isEqualTo("'from' time: '25:00' is not a time of day (HH:mm).");
        assertThat(viewModel.canSearch().get()).isFalse();
        viewModel.search();
        assertThat(viewModel.rows()).isEmpty();
        assertThat(navigator.errors).isEmpty();

        viewModel.fromTime().set("14:00");
        assertThat(viewModel.dateError().get()).isEmpty();
        assertThat(viewModel.canSearch().get()).isTrue();

        viewModel.toTime().set("9:30");
        assertThat(viewModel.dateError().get()).isEqualTo("Give a date for the 'to' time.");
        assertThat(viewModel.canSearch().get()).isFalse();
        viewModel.toDate().set(today);
        assertThat(viewModel.dateError().get()).isEqualTo("'From' must be before 'to'.");
        assertThat(viewModel.canSearch().get()).isFalse();

        viewModel.period().set(RiskExplorerViewModel.Period.LAST_DAY);
        assertThat(viewModel.dateError().get()).isEmpty();
        assertThat(viewModel.canSearch().get()).isTrue();
    }
}
