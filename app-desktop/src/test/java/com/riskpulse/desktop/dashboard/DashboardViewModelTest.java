package com.riskpulse.desktop.dashboard;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.LiveUpdate;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import com.riskpulse.engine.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's logic without a toolkit: a real engine, the live feed flushed by hand, work on the caller. */
class DashboardViewModelTest {

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient client;
    private LiveFeed live;
    private final RecordingNavigator navigator = new RecordingNavigator();

    @BeforeEach
    void startEngine() {
        engine = TestEngine.start(dataDir);
        client = engine.admin();
        live = new LiveFeed(client).start(false);
    }

    @AfterEach
    void stopEngine() {
        live.close();
        engine.close();
    }

    private DashboardViewModel viewModel(Clock clock, boolean decimate) {
        return new DashboardViewModel(new ScreenContext(client, Background.direct(), live, navigator, clock), decimate);
    }

    @Test
    void scoredEventsReachTheScoreChartTheLevelsTheFeedAndTheDayCounter() {
        DashboardViewModel vm = viewModel(Clock.systemUTC(), true);
        vm.start();
        assertThat(vm.eventsToday().get()).isEqualTo("0");

        engine.cardTestingBurst("acct-burst");
        engine.ordinaryTraffic(20);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.feed()).hasSize(60); // 30 days of habit, 10 burst, 20 ordinary
        });
        assertThat(vm.received().get()).isEqualTo(60);
        assertThat(vm.scoreMax()).isNotEmpty().hasSameSizeAs(vm.scoreMean());
        assertThat(vm.scoreMax()).allSatisfy(p -> assertThat(p.getYValue().doubleValue()).isBetween(0.0, 1.0));
        assertThat(vm.feed()).anySatisfy(row -> {
            assertThat(row.entity()).isEqualTo("acct-burst");
            assertThat(row.level()).isIn("high", "critical");
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.levelCounts().stream().mapToLong(d -> d.getYValue().longValue()).sum()).isEqualTo(60);
            assertThat(vm.highRiskRate().get()).endsWith("%").isNotEqualTo("0.0 %");
            assertThat(vm.lag().get()).endsWith("ms");
        });

        // the stored count since midnight, then the live count on top until the next refresh
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            vm.refresh();
            assertThat(vm.eventsToday().get()).isEqualTo("60");
        });
        engine.ordinaryTraffic(5);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.eventsToday().get()).isEqualTo("65");
        });
        assertThat(navigator.errors).isEmpty();
    }

    @Test
    void aRaisedAlertShowsAmongTheOpenAlertsBySeverity() {
        DashboardViewModel vm = viewModel(Clock.systemUTC(), true);
        vm.start();
        assertThat(vm.openAlerts().get()).isEqualTo("0");
        assertThat(vm.openAlertsDetail().get()).isEqualTo("none open or acknowledged");

        engine.cardTestingBurst("acct-alert");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.openAlerts().get()).isEqualTo("1");
        });
        assertThat(vm.openBySeverity().get("high") + vm.openBySeverity().get("critical")).isEqualTo(1);
        assertThat(vm.openAlertsDetail().get()).matches("(high|critical) 1");
    }

    @Test
    void openingAFeedRowAsksForThatAssessment() {
        DashboardViewModel vm = viewModel(Clock.systemUTC(), true);
        vm.start();
        engine.ordinaryTraffic(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.feed()).hasSize(3);
        });

        vm.open(vm.feed().get(1));

        assertThat(navigator.assessments).containsExactly(vm.feed().get(1).riskId());
    }

    @Test
    void twentyThousandAssessmentsInOneFrameKeepTheScoreChartToAFewHundredPoints() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        MutableClock clock = new MutableClock(now);
        DashboardViewModel vm = viewModel(clock, true);

        vm.onFrame(burst(20_000, now, 1));

        int bound = DashboardViewModel.BUCKETS + 1;
        assertThat(vm.scoreMax()).hasSizeLessThanOrEqualTo(bound).hasSizeGreaterThan(bound / 2);
        assertThat(vm.scoreMean()).hasSameSizeAs(vm.scoreMax());
        assertThat(vm.feed()).hasSize(DashboardViewModel.FEED_CAPACITY);
        assertThat(vm.levelCounts().stream().mapToLong(d -> d.getYValue().longValue()).sum()).isEqualTo(20_000);
        assertThat(vm.received().get()).isEqualTo(20_000);

        // a second frame as big, a little later: still bounded
        clock.set(now.plusMillis(500));
        vm.onFrame(burst(20_000, now.plusMillis(500), 2));
        assertThat(vm.scoreMax()).hasSizeLessThanOrEqualTo(bound);
        assertThat(vm.feed()).hasSize(DashboardViewModel.FEED_CAPACITY);
        assertThat(vm.feed().getFirst().riskId()).isEqualTo(2 * 1_000_000L + 19_999);

        // three minutes later everything has rolled out of the window
        clock.set(now.plus(Duration.ofMinutes(3)));
        vm.onFrame(burst(1, now.plus(Duration.ofMinutes(3)), 3));
        assertThat(vm.scoreMax()).hasSize(1);
        assertThat(vm.scoreMax().getFirst().getYValue().doubleValue()).isEqualTo(scoreOf(0));
    }

    @Test
    void withoutDecimationEveryAssessmentIsAPoint() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        DashboardViewModel vm = viewModel(new MutableClock(now), false);

        vm.onFrame(burst(20_000, now, 1));

        assertThat(vm.scoreMax()).hasSize(20_000);
    }

    @Test
    void eachBucketShowsTheMaxAndTheMeanOfItsScores() {
        Instant now = Instant.parse("2026-03-02T10:00:00.900Z");
        DashboardViewModel vm = viewModel(new MutableClock(now), true);
        Instant slot = Instant.parse("2026-03-02T10:00:00.500Z");

        vm.onFrame(List.of(scored(1, slot, 0.2, "low"), scored(2, slot.plusMillis(100), 0.9, "high"),
                scored(3, slot.plusMillis(249), 0.4, "medium")));

        assertThat(vm.scoreMax()).hasSize(1);
        assertThat(vm.scoreMax().getFirst().getYValue().doubleValue()).isEqualTo(0.9);
        assertThat(vm.scoreMean().getFirst().getYValue().doubleValue()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.levelCounts()).extracting(XYChart.Data::getYValue).containsExactly(1L, 1L, 1L, 0L);
        assertThat(vm.highRiskRate().get()).isEqualTo("33.3 %");
        assertThat(vm.lag().get()).isEqualTo("300 ms"); // scored at .500, .600 and .749, drawn at .900
    }

    @Test
    void aFailedRefreshIsShownOnceAsAReadableErrorNotEveryTenSeconds() {
        RiskClient failing = (RiskClient) Proxy.newProxyInstance(RiskClient.class.getClassLoader(), new Class<?>[] {RiskClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("riskStats")) throw RiskClientException.of(503, "unavailable", "the database is not reachable");
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DashboardViewModel vm = new DashboardViewModel(new ScreenContext(failing, Background.direct(), live, navigator, Clock.systemUTC()), true);

        vm.start();
        vm.refresh();

        assertThat(navigator.errors).containsExactly("Dashboard could not refresh: Unavailable: the database is not reachable");
        assertThat(vm.eventsToday().get()).isEqualTo("…");
        assertThat(vm.openAlerts().get()).isEqualTo("0"); // the alert figures still came
    }

    /** {@code n} assessments scored over the two minutes before {@code now}, ids {@code run * 1,000,000 + i}. */
    private static List<LiveUpdate> burst(int n, Instant now, int run) {
        Random random = new Random(run);
        List<LiveUpdate> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant scoredAt = now.minusMillis(random.nextInt(120_000));
            String level = DashboardViewModel.LEVELS.get(i % 4);
            batch.add(scored(run * 1_000_000L + i, scoredAt, i == 0 ? scoreOf(0) : random.nextDouble(), level));
        }
        return batch;
    }

    @Test
    void theFeedTableChangesAtMostTenTimesASecondAndKeepsTheNewestRows() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        DashboardViewModel vm = viewModel(clock, true);
        vm.onFrame(List.of(scored(1, clock.instant(), 0.1, "low")));
        assertThat(vm.feed()).extracting(FeedRow::riskId).containsExactly(1L);

        clock.advance(Duration.ofMillis(16));
        vm.onFrame(List.of(scored(2, clock.instant(), 0.2, "low"), scored(3, clock.instant(), 0.3, "low")));
        assertThat(vm.feed()).as("a frame 16 ms later leaves the table alone").extracting(FeedRow::riskId).containsExactly(1L);

        clock.advance(Duration.ofMillis(100));
        vm.onFrame(List.of(scored(4, clock.instant(), 0.4, "low")));
        assertThat(vm.feed()).extracting(FeedRow::riskId).containsExactly(4L, 3L, 2L, 1L);
    }

    private static double scoreOf(int i) {
        return 0.42;
    }

    private static LiveUpdate scored(long id, Instant scoredAt, double score, String level) {
        LiveAssessment a = new LiveAssessment(id, "e-" + id, "acct-" + id % 50, "payment", scoredAt.minusMillis(3), scoredAt, score,
                level, 12.5, "EUR", "DE", "m-1", List.of(), List.of(), 1, "test", false);
        return new LiveUpdate.Scored(a, System.nanoTime());
    }

}
