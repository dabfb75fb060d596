package com.riskpulse.desktop.explorer;

import com.riskpulse.desktop.export.CsvExport;
import com.riskpulse.desktop.filter.TimeRange;
import com.riskpulse.desktop.paging.KeyPager;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.RiskView;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.score.RiskLevel;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The risk explorer's logic: history filters validated as typed, key-paged results (Next / Previous over a stack of
 * cursors) and the export of the whole result set to CSV.
 */
public final class RiskExplorerViewModel {

    public static final int PAGE_SIZE = HistoryQuery.DEFAULT_LIMIT;
    public static final long EXPORT_CAP = 100_000;
    public static final List<String> CSV_HEADER = List.of("risk_id", "time", "entity", "type", "amount", "currency", "country",
            "score", "level", "rules");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The time window: a preset relative to now, or the two dates with optional times of day. */
    public enum Period {
        ANY("Any time", null), LAST_HOUR("Last hour", Duration.ofHours(1)), LAST_DAY("Last 24 h", Duration.ofDays(1)),
        LAST_WEEK("Last 7 days", Duration.ofDays(7)), DATES("Between dates", null);

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One result row as the table and the CSV show it. */
    public record Row(long riskId, String time, String entity, String type, String amount, String currency, String country,
                      double score, String level, String rules) {

        public String scoreText() {
            return String.format(Locale.ROOT, "%.3f", score);
        }

        List<String> csv() {
            return List.of(Long.toString(riskId), time, entity, type, amount, currency, country, scoreText(), level, rules);
        }
    }

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final Clock clock;
    private final ZoneId zone;

    private final StringProperty entity = new SimpleStringProperty("");
    private final Map<RiskLevel, BooleanProperty> levels = new EnumMap<>(RiskLevel.class);
    private final StringProperty minScore = new SimpleStringProperty("");
    private final StringProperty maxScore = new SimpleStringProperty("");
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.ANY);
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final StringProperty fromTime = new SimpleStringProperty("");
    private final StringProperty toTime = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper minScoreError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maxScoreError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Set filters and search.");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    private final BooleanBinding canSearch;
    private final CsvExport export;
    private final KeyPager<RiskView> pager;

    /** The query the shown pages belong to (filters edited since do not change Next / Previous). */
    private HistoryQuery shownQuery;

    public RiskExplorerViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        this.clock = ctx.clock();
        this.zone = clock.getZone();
        this.export = new CsvExport(background);
        this.pager = new KeyPager<>(background, new KeyPager.Pages<>() {
            @Override
            public void shown(List<RiskView> items, int number, boolean more) {
                rows.setAll(items.stream().map(RiskExplorerViewModel.this::row).toList());
                status.set(rows.isEmpty() ? (number == 1 ? "No assessments match." : "No more assessments.")
                        : rows.size() + " assessments on page " + number + (more ? ", more after." : "."));
            }

            @Override
            public void failed(Throwable e) {
                status.set("Search failed.");
                navigator.showError("Search", Errors.readable(e));
            }
        });
        for (RiskLevel level : RiskLevel.values()) levels.put(level, new SimpleBooleanProperty(false));
        minScore.addListener((o, a, b) -> validate());
        maxScore.addListener((o, a, b) -> validate());
        period.addListener((o, a, b) -> validate());
        fromDate.addListener((o, a, b) -> validate());
        toDate.addListener((o, a, b) -> validate());
        fromTime.addListener((o, a, b) -> validate());
        toTime.addListener((o, a, b) -> validate());
        valid = Bindings.createBooleanBinding(() -> minScoreError.get().isEmpty() && maxScoreError.get().isEmpty()
                && dateError.get().isEmpty(), minScoreError, maxScoreError, dateError);
        canSearch = valid.and(pager.loading().not());
    }

    // ---- filters

    private void validate() {
        Double min = null, max = null;
        String minError = "", maxError = "";
        try {
            min = score(minScore.get());
        } catch (IllegalArgumentException e) {
            minError = e.getMessage();
        }
        try {
            max = score(maxScore.get());
        } catch (IllegalArgumentException e) {
            maxError = e.getMessage();
        }
        if (min != null && max != null && min > max) maxError = "Max must be at least min (" + fmt(min) + ").";
        minScoreError.set(minError);
        maxScoreError.set(maxError);
        String dates = "";
        if (period.get() == Period.DATES) {
            try {
                dates();
            } catch (IllegalArgumentException e) {
                dates = e.getMessage();
            }
        }
        dateError.set(dates);
    }

    /** The "Between dates" window (other periods ignore the dates and times: the view disables them). */
    private TimeRange dates() {
        return TimeRange.of(fromDate.get(), fromTime.get(), toDate.get(), toTime.get(), zone);
    }

    private static Double score(String text) {
        if (text == null || text.isBlank()) return null;
        double value;
        try {
            value = Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a number.");
        }
        if (value < 0 || value > 1 || Double.isNaN(value)) throw new IllegalArgumentException("Scores are between 0 and 1.");
        return value;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /** The filters as a history query (first page); call only when valid. */
    HistoryQuery query(int limit) {
        Set<RiskLevel> chosen = EnumSet.noneOf(RiskLevel.class);
        levels.forEach((level, on) -> {
            if (on.get()) chosen.add(level);
        });
        Instant from = null, to = null;
        Period p = period.get();
        if (p != null && p.length != null) {
            to = clock.instant().plusSeconds(1);
            from = clock.instant().minus(p.length);
        } else if (p == Period.DATES) {
            TimeRange dates = dates();
            from = dates.from();
            to = dates.to();
        }
        String e = entity.get() == null || entity.get().isBlank() ? null : entity.get().trim();
        return new HistoryQuery(e, chosen, score(minScore.get()), score(maxScore.get()), from, to, null, limit);
    }

    // ---- paging

    /** Runs the search from the first page. */
    public void search() {
        if (!canSearch.get()) return;
        HistoryQuery q;
        try {
            q = query(PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            navigator.showError("Search", Errors.readable(e));
            return;
        }
        shownQuery = q;
        status.set("Searching…");
        pager.first(cursor -> client.history(q.after(cursor)));
    }

    public void next() {
        pager.next();
    }

    public void previous() {
        pager.previous();
    }

    /** Opens the assessment (a double-click on a row). */
    public void open(Row row) {
        if (row != null) navigator.showAssessment(row.riskId());
    }

    // ---- export

    /** Exports the whole result of the current filters (every page, up to {@link #EXPORT_CAP} rows) to {@code file}. */
    public void export(Path file) {
        HistoryQuery q;
        try {
            q = shownQuery != null ? shownQuery.after(null) : query(PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            navigator.showError("Export", Errors.readable(e));
            return;
        }
        HistoryQuery all = new HistoryQuery(q.entityId(), q.levels(), q.minScore(), q.maxScore(), q.from(), q.to(), null,
                HistoryQuery.MAX_LIMIT);
        export.start(file, CSV_HEADER, cursor -> client.history(all.after(cursor)), (RiskView r) -> row(r).csv(), EXPORT_CAP,
                result -> navigator.notify(result.describe()),
                e -> {
                    if (!(e instanceof java.util.concurrent.CancellationException)) navigator.showError("Export", Errors.readable(e));
                });
    }

    public void cancelExport() {
        export.cancel();
    }

    public CsvExport exportJob() {
        return export;
    }

    Row row(RiskView r) {
        JsonNode ev = r.event();
        return new Row(r.riskId(), TIME.format(r.timestamp().atZone(zone)), r.entityId(), text(ev, "type"), text(ev, "amount"),
                text(ev, "currency"), text(ev, "country"), r.score(), r.level(), String.join(", ", r.rulesFired()));
    }

    private static String text(JsonNode node, String field) {
        if (node == null) return "";
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    // ---- properties

    public StringProperty entity() {
        return entity;
    }

    public BooleanProperty level(RiskLevel level) {
        return levels.get(level);
    }

    public StringProperty minScore() {
        return minScore;
    }

    public StringProperty maxScore() {
        return maxScore;
    }

    public ObjectProperty<Period> period() {
        return period;
    }

    public ObjectProperty<LocalDate> fromDate() {
        return fromDate;
    }

    public ObjectProperty<LocalDate> toDate() {
        return toDate;
    }

    /** Optional time of day (HH:mm) on {@link #fromDate()}; blank: 00:00. */
    public StringProperty fromTime() {
        return fromTime;
    }

    /** Optional time of day (HH:mm) on {@link #toDate()}, its whole minute included; blank: the whole day. */
    public StringProperty toTime() {
        return toTime;
    }

    public ReadOnlyStringProperty minScoreError() {
        return minScoreError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxScoreError() {
        return maxScoreError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateError() {
        return dateError.getReadOnlyProperty();
    }

    public BooleanBinding canSearch() {
        return canSearch;
    }

    public ReadOnlyBooleanProperty loading() {
        return pager.loading();
    }

    public ReadOnlyBooleanProperty hasNext() {
        return pager.hasNext();
    }

    public ReadOnlyBooleanProperty hasPrevious() {
        return pager.hasPrevious();
    }

    public ReadOnlyStringProperty pageLabel() {
        return pager.pageLabel();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
