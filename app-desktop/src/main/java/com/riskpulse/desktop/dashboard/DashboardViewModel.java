package com.riskpulse.desktop.dashboard;

import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.LiveUpdate;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.statusbar.ScreenLag;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.api.AlertStatsView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskStatsView;
import com.riskpulse.engine.auth.Permission;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The dashboard's logic: live charts, counters and the newest assessments, fed one frame's batch at a time by the
 * shared {@code LiveFeed}, and the day's figures from the client (through {@code Background}) every ten seconds.
 *
 * <p>Bounded at any rate: the score stream is aggregated into {@value #BUCKET_MILLIS} ms buckets by {@code scored_at}
 * (max and mean per bucket), so the score chart holds at most {@link #BUCKETS} (+1) points per series however many
 * events arrive; the rate chart has one point per second, the feed {@value #FEED_CAPACITY} rows, the lag a fixed
 * ring. Each frame changes the chart lists with one {@code addAll} and one removal, and the labels are rewritten at
 * most four times a second. The undecimated variant ({@code decimate = false}) plots one point per assessment: it
 * exists only to measure what decimation buys (the frame-rate run).
 */
public final class DashboardViewModel {

    public static final Duration WINDOW = Duration.ofMinutes(2);
    public static final long BUCKET_MILLIS = 250;
    public static final int BUCKETS = (int) (WINDOW.toMillis() / BUCKET_MILLIS);
    public static final int FEED_CAPACITY = 200;
    /** The feed table changes at most this often. */
    static final long FEED_PERIOD_MILLIS = 100;
    public static final List<String> LEVELS = List.of("low", "medium", "high", "critical");
    static final Duration REFRESH_EVERY = Duration.ofSeconds(10);
    static final Duration ALERT_REFRESH_AT_MOST_EVERY = Duration.ofSeconds(1);
    private static final long LABELS_EVERY_MILLIS = 250;
    private static final int RATE_POINTS = (int) WINDOW.toSeconds();

    private final ScreenContext ctx;
    private final boolean decimate;
    private final long originMillis;

    // score stream
    private final ObservableList<XYChart.Data<Number, Number>> scoreMax = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> scoreMean = FXCollections.observableArrayList();
    private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();
    private final ArrayDeque<XYChart.Data<Number, Number>> rawPoints = new ArrayDeque<>();
    private final DoubleProperty axisLower = new SimpleDoubleProperty(-WINDOW.toSeconds());
    private final DoubleProperty axisUpper = new SimpleDoubleProperty(0);

    // events per second
    private final ObservableList<XYChart.Data<Number, Number>> receivedRate = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> engineRate = FXCollections.observableArrayList();
    private long rateSecond = Long.MIN_VALUE;
    private long rateCount;

    // level distribution over the window
    private final ObservableList<XYChart.Data<String, Number>> levelCounts = FXCollections.observableArrayList();

    // counters
    private final StringProperty eventsToday = new SimpleStringProperty("…");
    private final StringProperty eventsTodayDetail = new SimpleStringProperty("");
    private final StringProperty openAlerts = new SimpleStringProperty("…");
    private final StringProperty openAlertsDetail = new SimpleStringProperty("");
    private final StringProperty highRiskRate = new SimpleStringProperty("–");
    private final StringProperty highRiskRateDetail = new SimpleStringProperty("");
    private final StringProperty lag = new SimpleStringProperty("–");
    private final StringProperty lagDetail = new SimpleStringProperty("");
    private final StringProperty rate = new SimpleStringProperty("–");
    private final LongProperty lagMillis = new SimpleLongProperty(-1);
    private final LongProperty consoleLagMicros = new SimpleLongProperty(-1);
    private final LongProperty received = new SimpleLongProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty feedPaused = new SimpleBooleanProperty();
    private final Map<String, Long> openBySeverity = new LinkedHashMap<>();

    // feed
    private final ObservableList<FeedRow> feed = FXCollections.observableArrayList();
    private final java.util.ArrayDeque<LiveAssessment> pendingFeed = new java.util.ArrayDeque<>();
    private long lastFeedMillis;

    private final ScreenLag screenLag = new ScreenLag();
    private LiveStats lastStats;
    private long todayBase = -1;
    private long liveSinceBase;
    private long liveSinceRequest;
    private boolean riskRefreshing;
    private boolean alertRefreshing;
    private boolean alertsDirty;
    private long lastRiskRefreshMillis = Long.MIN_VALUE / 2;
    private long lastAlertRefreshMillis = Long.MIN_VALUE / 2;
    private long lastLabelsMillis = Long.MIN_VALUE / 2;
    private boolean riskFailing;
    private boolean alertsFailing;
    private RiskStatsView today;
    private AutoCloseable registration;

    public DashboardViewModel(ScreenContext ctx) {
        this(ctx, true);
    }

    /** @param decimate false only to measure the cost of plotting every assessment (the frame-rate run) */
    public DashboardViewModel(ScreenContext ctx, boolean decimate) {
        this.ctx = ctx;
        this.decimate = decimate;
        this.originMillis = ctx.clock().millis();
        for (String level : LEVELS) levelCounts.add(new XYChart.Data<>(level, 0L));
    }

    /** Starts receiving the live feed (one batch per frame) and loads the day's figures. */
    public void start() {
        if (registration == null) registration = ctx.live().register(this::onFrame);
        refresh();
    }

    /** Stops receiving the live feed. */
    public void close() {
        if (registration == null) return;
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not leave the live feed", e);
        }
        registration = null;
    }

    /** Reloads what is not live: events today and open alerts. */
    public void refresh() {
        refreshRiskStats();
        refreshAlerts();
    }

    /** One frame's worth of live updates (the FX thread; the caller in tests). */
    public void onFrame(List<LiveUpdate> batch) {
        Instant now = ctx.clock().instant();
        long frameNanos = System.nanoTime();
        long nowMillis = now.toEpochMilli();
        long oldest = nowMillis - WINDOW.toMillis();
        List<XYChart.Data<Number, Number>> newMax = new ArrayList<>();
        List<XYChart.Data<Number, Number>> newMean = new ArrayList<>();
        Set<Bucket> touched = new HashSet<>();
        List<LiveAssessment> newest = new ArrayList<>();
        advanceRate(nowMillis);
        for (LiveUpdate update : batch) {
            switch (update) {
                case LiveUpdate.Scored s -> {
                    LiveAssessment a = s.assessment();
                    screenLag.record(a.scoredAt(), now, s.receivedNanos(), frameNanos);
                    liveSinceBase++;
                    liveSinceRequest++;
                    long at = a.scoredAt() == null ? nowMillis : Math.clamp(a.scoredAt().toEpochMilli(), oldest, nowMillis);
                    Bucket bucket = bucket(at / BUCKET_MILLIS, newMax, newMean);
                    bucket.add(a.score(), a.level());
                    touched.add(bucket);
                    if (!decimate) {
                        XYChart.Data<Number, Number> point = new XYChart.Data<>(x(at), a.score());
                        rawPoints.addLast(point);
                        newMax.add(point);
                    }
                    newest.add(a);
                }
                case LiveUpdate.Stats st -> {
                    lastStats = st.stats();
                    engineRate.add(new XYChart.Data<>(x(nowMillis), st.stats().eventsPerSecond()));
                }
                case LiveUpdate.AlertChanged ignored -> alertsDirty = true;
                case LiveUpdate.Dropped ignored -> {
                }
                case LiveUpdate.Connection ignored -> {
                }
            }
        }
        received.set(received.get() + newest.size());
        rateCount += newest.size();
        if (decimate) {
            for (Bucket b : touched) b.show();
        }
        expire(oldest);
        if (!newMax.isEmpty()) scoreMax.addAll(newMax);
        if (!newMean.isEmpty()) scoreMean.addAll(newMean);
        axisUpper.set(x(nowMillis));
        axisLower.set(x(oldest));
        addToFeed(newest, now);
        if (nowMillis - lastLabelsMillis >= LABELS_EVERY_MILLIS) updateLabels(now);
        if (nowMillis - lastRiskRefreshMillis >= REFRESH_EVERY.toMillis()) refreshRiskStats();
        if (nowMillis - lastAlertRefreshMillis >= REFRESH_EVERY.toMillis()
                || alertsDirty && nowMillis - lastAlertRefreshMillis >= ALERT_REFRESH_AT_MOST_EVERY.toMillis()) {
            refreshAlerts();
        }
    }

    private Bucket bucket(long index, List<XYChart.Data<Number, Number>> newMax, List<XYChart.Data<Number, Number>> newMean) {
        Bucket b = buckets.get(index);
        if (b == null) {
            b = new Bucket(x(index * BUCKET_MILLIS));
            buckets.put(index, b);
            if (decimate) {
                newMax.add(b.maxPoint);
                newMean.add(b.meanPoint);
            }
        }
        return b;
    }

    private void expire(long oldestMillis) {
        NavigableMap<Long, Bucket> old = buckets.headMap(oldestMillis / BUCKET_MILLIS, false);
        if (!old.isEmpty()) {
            if (decimate) {
                Set<XYChart.Data<Number, Number>> gone = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                Set<XYChart.Data<Number, Number>> goneMean = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (Bucket b : old.values()) {
                    gone.add(b.maxPoint);
                    goneMean.add(b.meanPoint);
                }
                removeOld(scoreMax, gone);
                removeOld(scoreMean, goneMean);
            }
            old.clear();
        }
        if (!decimate) {
            double lower = x(oldestMillis);
            int n = 0;
            while (!rawPoints.isEmpty() && rawPoints.peekFirst().getXValue().doubleValue() < lower) {
                rawPoints.pollFirst();
                n++;
            }
            // raw points are appended in arrival order, so the expired ones are (nearly) the list's head
            if (n > 0) scoreMax.remove(0, Math.min(n, scoreMax.size()));
        }
        trimRate(receivedRate, oldestMillis);
        trimRate(engineRate, oldestMillis);
    }

    /** Removes expired points; they are nearly always the head of the list (buckets are created in time order). */
    private static void removeOld(ObservableList<XYChart.Data<Number, Number>> list, Set<XYChart.Data<Number, Number>> gone) {
        int head = 0;
        while (head < list.size() && gone.contains(list.get(head))) head++;
        if (head == gone.size()) {
            list.remove(0, head);
        } else {
            list.removeIf(gone::contains);
        }
    }

    private void trimRate(ObservableList<XYChart.Data<Number, Number>> list, long oldestMillis) {
        double lower = x(oldestMillis);
        int n = 0;
        while (n < list.size() && list.get(n).getXValue().doubleValue() < lower) n++;
        if (list.size() - n > RATE_POINTS + 5) n = list.size() - RATE_POINTS - 5;
        if (n > 0) list.remove(0, n);
    }

    /** Moves the rate count to the current second; a finished second becomes a point of the rate chart. */
    private void advanceRate(long nowMillis) {
        long second = nowMillis / 1000;
        if (second != rateSecond) {
            if (rateSecond != Long.MIN_VALUE) {
                // the seconds in between had no assessment at all
                for (long s = Math.max(rateSecond, second - RATE_POINTS); s < second; s++) {
                    receivedRate.add(new XYChart.Data<>(x(s * 1000 + 1000), s == rateSecond ? rateCount : 0));
                }
            }
            rateSecond = second;
            rateCount = 0;
        }
    }

    /**
     * The feed table is redrawn at most every {@value #FEED_PERIOD_MILLIS} ms, with the newest rows since: at 5,000
     * events/s a frame brings about 80, which nobody reads, and a table relayout per frame costs the charts their
     * frame rate.
     */
    private void addToFeed(List<LiveAssessment> newest, Instant now) {
        if (feedPaused.get()) return;
        for (LiveAssessment a : newest) {
            pendingFeed.addLast(a);
            if (pendingFeed.size() > FEED_CAPACITY) pendingFeed.removeFirst();
        }
        if (pendingFeed.isEmpty() || now.toEpochMilli() - lastFeedMillis < FEED_PERIOD_MILLIS) return;
        lastFeedMillis = now.toEpochMilli();
        ZonedDateTime zoned = now.atZone(zone());
        List<FeedRow> rows = new ArrayList<>(pendingFeed.size());
        for (var it = pendingFeed.descendingIterator(); it.hasNext(); ) rows.add(FeedRow.of(it.next(), zoned));
        pendingFeed.clear();
        feed.addAll(0, rows);
        if (feed.size() > FEED_CAPACITY) feed.remove(FEED_CAPACITY, feed.size());
    }

    private void updateLabels(Instant now) {
        lastLabelsMillis = now.toEpochMilli();
        long[] byLevel = new long[LEVELS.size()];
        long total = 0;
        for (Bucket b : buckets.values()) {
            for (int i = 0; i < byLevel.length; i++) byLevel[i] += b.levels[i];
            total += b.count;
        }
        for (int i = 0; i < byLevel.length; i++) {
            XYChart.Data<String, Number> d = levelCounts.get(i);
            if (d.getYValue().longValue() != byLevel[i]) d.setYValue(byLevel[i]);
        }
        long high = byLevel[2] + byLevel[3];
        highRiskRate.set(total == 0 ? "–" : percent(high, total));
        String todayRate = today == null || today.total() == 0 ? "" : String.format(Locale.ROOT, " · today %.1f %%", today.highRiskRate() * 100);
        highRiskRateDetail.set(String.format(Locale.ROOT, "%,d of %,d in 2 min", high, total) + todayRate);

        long median = screenLag.medianMillis(now);
        lagMillis.set(median);
        lag.set(median < 0 ? "–" : String.format(Locale.ROOT, "%,d ms", median));
        long console = screenLag.consoleMedianMicros(now);
        lagDetail.set("scored → screen, median 1 s" + (console < 0 ? "" : String.format(Locale.ROOT, " · console %.1f ms", console / 1000.0))
                + (lastStats == null ? "" : String.format(Locale.ROOT, " · engine %.1f ms", lastStats.latencyP50Ms())));
        consoleLagMicros.set(console);
        rate.set(lastStats == null ? "–" : String.format(Locale.ROOT, "%,.0f", lastStats.eventsPerSecond()));
        if (todayBase >= 0) eventsToday.set(String.format(Locale.ROOT, "%,d", todayBase + liveSinceBase));
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }

    private void refreshRiskStats() {
        if (riskRefreshing || !ctx.client().may(Permission.READ_STATS)) return;
        Instant now = ctx.clock().instant();
        lastRiskRefreshMillis = now.toEpochMilli();
        ZoneId zone = zone();
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        Duration sinceMidnight = Duration.between(midnight, now);
        Duration window = sinceMidnight.isZero() ? Duration.ofMillis(1) : sinceMidnight;
        riskRefreshing = true;
        liveSinceRequest = 0;
        loading.set(true);
        ctx.background().run(() -> ctx.client().riskStats(window), stats -> {
            riskRefreshing = false;
            loading.set(alertRefreshing);
            riskFailing = false;
            today = stats;
            todayBase = stats.total();
            liveSinceBase = liveSinceRequest;
            eventsToday.set(String.format(Locale.ROOT, "%,d", todayBase + liveSinceBase));
            eventsTodayDetail.set(stats.total() == 0 ? "since midnight" : String.format(Locale.ROOT, "since midnight · mean score %.3f", stats.meanScore()));
        }, e -> {
            riskRefreshing = false;
            loading.set(alertRefreshing);
            if (!riskFailing) failed(e);
            riskFailing = true;
        });
    }

    private void refreshAlerts() {
        alertsDirty = false;
        if (alertRefreshing || !ctx.client().may(Permission.READ_ALERTS)) return;
        lastAlertRefreshMillis = ctx.clock().millis();
        alertRefreshing = true;
        loading.set(true);
        AlertQuery open = AlertQuery.all(AlertQuery.MAX_LIMIT).withStatuses(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
        ctx.background().run(() -> new AlertFigures(ctx.client().alertStats(Duration.ofDays(1)), ctx.client().alerts(open)), figures -> {
            alertRefreshing = false;
            loading.set(riskRefreshing);
            alertsFailing = false;
            showAlerts(figures);
        }, e -> {
            alertRefreshing = false;
            loading.set(riskRefreshing);
            if (!alertsFailing) failed(e);
            alertsFailing = true;
        });
    }

    private record AlertFigures(AlertStatsView stats, PageView<AlertView> open) {
    }

    private void showAlerts(AlertFigures figures) {
        Map<String, Long> byStatus = figures.stats().byStatus();
        long openCount = byStatus.getOrDefault("open", 0L) + byStatus.getOrDefault("acknowledged", 0L);
        openBySeverity.clear();
        for (int i = LEVELS.size() - 1; i >= 0; i--) openBySeverity.put(LEVELS.get(i), 0L);
        for (AlertView a : figures.open().items()) openBySeverity.merge(a.severity(), 1L, Long::sum);
        boolean more = figures.open().nextCursor() != null;
        openAlerts.set(String.format(Locale.ROOT, "%,d", openCount));
        StringBuilder detail = new StringBuilder();
        for (Map.Entry<String, Long> e : openBySeverity.entrySet()) {
            if (e.getValue() == 0) continue;
            if (!detail.isEmpty()) detail.append(" · ");
            detail.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", e.getValue()));
        }
        if (detail.isEmpty()) detail.append("none open or acknowledged");
        if (more) detail.append(" (of the newest ").append(AlertQuery.MAX_LIMIT).append(')');
        openAlertsDetail.set(detail.toString());
    }

    /** Reports a failed refresh; each kind only once per failure streak, not every ten seconds while it lasts. */
    private void failed(Throwable e) {
        ctx.navigator().showError("Dashboard could not refresh", Errors.readable(e));
    }

    /** Opens the assessment behind a feed row. */
    public void open(FeedRow row) {
        if (row != null) ctx.navigator().showAssessment(row.riskId());
    }

    private ZoneId zone() {
        return ctx.clock().getZone();
    }

    /** Seconds since the screen opened: the charts' x axis (small numbers, no loss of precision). */
    private double x(long epochMillis) {
        return (epochMillis - originMillis) / 1000.0;
    }

    /** The wall-clock time of an x value, for the axis labels. */
    public Instant timeOf(double x) {
        return Instant.ofEpochMilli(originMillis + Math.round(x * 1000));
    }

    public ZoneId zoneId() {
        return zone();
    }

    /** Max and mean score of the assessments scored in one {@value #BUCKET_MILLIS} ms slot, and their levels. */
    private static final class Bucket {
        final XYChart.Data<Number, Number> maxPoint;
        final XYChart.Data<Number, Number> meanPoint;
        double max;
        double sum;
        int count;
        final long[] levels = new long[LEVELS.size()];

        Bucket(double x) {
            maxPoint = new XYChart.Data<>(x, 0.0);
            meanPoint = new XYChart.Data<>(x, 0.0);
        }

        void add(double score, String level) {
            max = count == 0 ? score : Math.max(max, score);
            sum += score;
            count++;
            int i = level == null ? -1 : LEVELS.indexOf(level);
            if (i >= 0) levels[i]++;
        }

        void show() {
            if (maxPoint.getYValue().doubleValue() != max) maxPoint.setYValue(max);
            double mean = sum / count;
            if (meanPoint.getYValue().doubleValue() != mean) meanPoint.setYValue(mean);
        }
    }

    // ---- what the view binds

    public ObservableList<XYChart.Data<Number, Number>> scoreMax() {
        return scoreMax;
    }

    public ObservableList<XYChart.Data<Number, Number>> scoreMean() {
        return scoreMean;
    }

    public ObservableList<XYChart.Data<Number, Number>> receivedRate() {
        return receivedRate;
    }

    public ObservableList<XYChart.Data<Number, Number>> engineRate() {
        return engineRate;
    }

    public ObservableList<XYChart.Data<String, Number>> levelCounts() {
        return levelCounts;
    }

    public ObservableList<FeedRow> feed() {
        return feed;
    }

    public DoubleProperty axisLower() {
        return axisLower;
    }

    public DoubleProperty axisUpper() {
        return axisUpper;
    }

    public StringProperty eventsToday() {
        return eventsToday;
    }

    public StringProperty eventsTodayDetail() {
        return eventsTodayDetail;
    }

    public StringProperty openAlerts() {
        return openAlerts;
    }

    public StringProperty openAlertsDetail() {
        return openAlertsDetail;
    }

    /** Open and acknowledged alerts per severity, critical first (of the newest {@value AlertQuery#MAX_LIMIT}). */
    public Map<String, Long> openBySeverity() {
        return Collections.unmodifiableMap(openBySeverity);
    }

    public StringProperty highRiskRate() {
        return highRiskRate;
    }

    public StringProperty highRiskRateDetail() {
        return highRiskRateDetail;
    }

    public StringProperty lag() {
        return lag;
    }

    public StringProperty lagDetail() {
        return lagDetail;
    }

    /** The screen's own lag, median of the last second in ms (-1 before anything was drawn). */
    public LongProperty lagMillis() {
        return lagMillis;
    }

    /** The console's part of the lag (client hands over → frame), median of the last second in µs (-1 before any). */
    public LongProperty consoleLagMicros() {
        return consoleLagMicros;
    }

    /** The engine's events per second (LiveStats). */
    public StringProperty rate() {
        return rate;
    }

    /** Assessments received since the screen opened. */
    public LongProperty received() {
        return received;
    }

    /** While true the feed table keeps its rows (to read or open one); charts and counters go on. */
    public BooleanProperty feedPaused() {
        return feedPaused;
    }

    public BooleanProperty loading() {
        return loading;
    }

    public boolean decimating() {
        return decimate;
    }
}
