package com.riskpulse.desktop.alertqueue;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.LiveUpdate;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.alert.AlertStatus;
import com.riskpulse.engine.api.AlertDetailView;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.PageView;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import com.riskpulse.engine.score.RiskLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The alert queue: a filtered, key-paged list of alerts kept current by the live feed, the selected alert's
 * detail, and the triage commands (acknowledge, resolve, assign to me) for users who may work alerts.
 */
public final class AlertQueueViewModel implements AutoCloseable {

    /** Which statuses the queue lists; the default is the work still to do. */
    public enum StatusFilter {
        OPEN_AND_ACKNOWLEDGED("open + acknowledged", EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)),
        OPEN("open", EnumSet.of(AlertStatus.OPEN)),
        ACKNOWLEDGED("acknowledged", EnumSet.of(AlertStatus.ACKNOWLEDGED)),
        RESOLVED("resolved", EnumSet.of(AlertStatus.RESOLVED)),
        ALL("all", EnumSet.allOf(AlertStatus.class));

        private final String label;
        private final Set<AlertStatus> statuses;

        StatusFilter(String label, Set<AlertStatus> statuses) {
            this.label = label;
            this.statuses = statuses;
        }

        public Set<AlertStatus> statuses() {
            return statuses;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How old an alert is (since it was raised), in the buckets of the alert statistics. */
    public enum AgeFilter {
        ANY("any age", null, null),
        UNDER_1H("under 1 h", null, Duration.ofHours(1)),
        FROM_1H_TO_24H("1 h to 24 h", Duration.ofHours(1), Duration.ofHours(24)),
        OVER_24H("over 24 h", Duration.ofHours(24), null);

        private final String label;
        private final Duration atLeast;
        private final Duration under;

        AgeFilter(String label, Duration atLeast, Duration under) {
            this.label = label;
            this.atLeast = atLeast;
            this.under = under;
        }

        /** Raised after this (exclusive of older ones), or null. */
        Instant createdFrom(Instant now) {
            return under == null ? null : now.minus(under);
        }

        /** Raised before this, or null. */
        Instant createdTo(Instant now) {
            return atLeast == null ? null : now.minus(atLeast);
        }

        boolean admits(Instant createdAt, Instant now) {
            if (createdAt == null) return this == ANY;
            Instant from = createdFrom(now), to = createdTo(now);
            return (from == null || !createdAt.isBefore(from)) && (to == null || createdAt.isBefore(to));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The resolutions an analyst may choose, as the API spells them. */
    public static final List<String> RESOLUTIONS = List.of("confirmed_fraud", "false_positive", "benign", "duplicate");
    /** Severity choice meaning "any". */
    public static final String ANY_SEVERITY = "any severity";
    static final int PAGE = 100;

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final Clock clock;
    private final AutoCloseable liveRegistration;
    private final boolean canWork;

    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.OPEN_AND_ACKNOWLEDGED);
    private final ObservableList<String> severityChoices = FXCollections.observableArrayList(ANY_SEVERITY, "low", "medium", "high", "critical");
    private final StringProperty severityFilter = new SimpleStringProperty(ANY_SEVERITY);
    private final ObjectProperty<AgeFilter> ageFilter = new SimpleObjectProperty<>(AgeFilter.ANY);
    private final StringProperty entityFilter = new SimpleStringProperty("");
    private final StringProperty assigneeFilter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AlertRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper("No alert selected");
    private final ReadOnlyStringWrapper detailFacts = new ReadOnlyStringWrapper("");
    private final ObservableList<AlertDetailView.Event> detailEvents = FXCollections.observableArrayList();
    private final BooleanProperty resolving = new SimpleBooleanProperty(false);
    private final StringProperty resolution = new SimpleStringProperty("false_positive");
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanBinding actionable;
    private final BooleanBinding busy;

    private Long nextCursor;
    private long generation;
    private long detailGeneration;

    public AlertQueueViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        this.clock = ctx.clock() == null ? Clock.systemUTC() : ctx.clock();
        this.canWork = client.may(Permission.WORK_ALERTS);
        this.liveRegistration = ctx.live().register(this::onLive);
        this.busy = background.busy().greaterThan(0);
        this.actionable = Bindings.createBooleanBinding(() -> canWork && selected.get() != null, selected);
        statusFilter.addListener((o, a, b) -> reload());
        severityFilter.addListener((o, a, b) -> reload());
        ageFilter.addListener((o, a, b) -> reload());
        selected.addListener((o, a, b) -> loadDetail(b));
        rows.addListener((javafx.collections.ListChangeListener<AlertRow>) c -> count());
    }

    // ---- loading

    /** Loads the first page for the current filters (stale answers of an earlier filter are ignored). */
    public void reload() {
        long mine = ++generation;
        AlertQuery query = query();
        background.run(() -> client.alerts(query), page -> {
            if (mine != generation) return;
            Long keep = selected.get() == null ? null : selected.get().id();
            Instant now = clock.instant();
            rows.setAll(page.items().stream().map(a -> new AlertRow(a, now)).toList());
            setCursor(page);
            if (keep != null) rows.stream().filter(r -> r.id() == keep).findFirst().ifPresentOrElse(selected::set, () -> selected.set(null));
        }, e -> failed("Could not load alerts", e));
    }

    /** Appends the next page, when the last answer had a {@code next_cursor}. */
    public void loadMore() {
        if (nextCursor == null) return;
        long mine = generation;
        AlertQuery query = query().after(nextCursor);
        background.run(() -> client.alerts(query), page -> {
            if (mine != generation) return;
            Instant now = clock.instant();
            for (AlertView a : page.items()) if (indexOf(a.id()) < 0) rows.add(new AlertRow(a, now));
            setCursor(page);
        }, e -> failed("Could not load more alerts", e));
    }

    private void setCursor(PageView<AlertView> page) {
        nextCursor = page.nextCursor();
        hasMore.set(nextCursor != null);
        count();
    }

    private void count() {
        int n = rows.size();
        status.set(n + (nextCursor != null ? "+" : "") + (n == 1 ? " alert" : " alerts"));
    }

    AlertQuery query() {
        Instant now = clock.instant();
        AgeFilter age = ageFilter.get();
        return new AlertQuery(statusFilter.get().statuses(), severity().map(Set::of).orElse(Set.of()), blankToNull(entityFilter.get()),
                blankToNull(assigneeFilter.get()), AlertQuery.TimeField.CREATED_AT, age.createdFrom(now), age.createdTo(now), null, PAGE);
    }

    private Optional<RiskLevel> severity() {
        String s = severityFilter.get();
        if (s == null || s.equals(ANY_SEVERITY)) return Optional.empty();
        return Optional.of(RiskLevel.valueOf(s.toUpperCase(Locale.ROOT)));
    }

    /** Whether the current filters let this alert into the queue (live changes are judged by it). */
    boolean matches(AlertView a) {
        if (!statusFilter.get().statuses().contains(AlertStatus.valueOf(a.status().toUpperCase(Locale.ROOT)))) return false;
        if (severity().isPresent() && !severity().get().name().equalsIgnoreCase(a.severity())) return false;
        String entity = blankToNull(entityFilter.get());
        if (entity != null && !entity.equals(a.entityId())) return false;
        if (!ageFilter.get().admits(a.createdAt(), clock.instant())) return false;
        String assignee = blankToNull(assigneeFilter.get());
        return assignee == null || assignee.equals(a.assignee());
    }

    /** Re-phrases every row's age; the view calls it every few seconds. */
    public void tick() {
        Instant now = clock.instant();
        for (AlertRow r : rows) r.tick(now);
    }

    // ---- live

    private void onLive(List<LiveUpdate> batch) {
        for (LiveUpdate u : batch) {
            if (u instanceof LiveUpdate.AlertChanged(String change, AlertView alert)) {
                boolean added = apply(alert);
                if ("raised".equals(change) && added) {
                    navigator.notify("New " + alert.severity().toUpperCase(Locale.ROOT) + " alert for " + alert.entityId());
                }
            }
        }
    }

    /**
     * Brings the queue in line with a newer state of an alert: updated in place, removed when it no longer matches the
     * filters, added at the top when it newly does. Older states (a live change overtaken by an action's answer) are
     * ignored. Answers whether a row was added.
     */
    private boolean apply(AlertView alert) {
        int i = indexOf(alert.id());
        Instant now = clock.instant();
        if (i >= 0) {
            AlertRow row = rows.get(i);
            if (row.alert().version() > alert.version()) return false;
            if (matches(alert)) {
                row.update(alert, now);
                if (row == selected.get()) loadDetail(row);
            } else {
                rows.remove(i);
                if (row == selected.get()) selected.set(null);
            }
            return false;
        }
        if (!matches(alert)) return false;
        rows.addFirst(new AlertRow(alert, now));
        return true;
    }

    // ---- selection

    /** Selects this alert (the navigator's "show alert"), fetching it when the current page does not hold it. */
    public void selectAlert(long alertId) {
        int i = indexOf(alertId);
        if (i >= 0) {
            selected.set(rows.get(i));
            return;
        }
        background.run(() -> client.alert(alertId), found -> {
            if (found.isEmpty()) {
                navigator.showError("Alert not found", "No alert " + alertId);
                return;
            }
            int again = indexOf(alertId);
            if (again < 0) {
                rows.addFirst(new AlertRow(found.get().alert(), clock.instant()));
                again = 0;
            }
            selected.set(rows.get(again));
        }, e -> failed("Could not open alert " + alertId, e));
    }

    /** Opens the selected alert's latest assessment. */
    public void openSelected() {
        AlertRow row = selected.get();
        if (row != null) navigator.showAssessment(row.alert().lastRiskId());
    }

    private void loadDetail(AlertRow row) {
        long mine = ++detailGeneration;
        if (row == null) {
            detailTitle.set("No alert selected");
            detailFacts.set("");
            detailEvents.clear();
            return;
        }
        long id = row.id();
        background.run(() -> client.alert(id), found -> {
            if (mine != detailGeneration) return;
            found.ifPresentOrElse(this::showDetail, () -> detailEvents.clear());
        }, e -> failed("Could not load alert " + id, e));
    }

    private void showDetail(AlertDetailView d) {
        AlertView a = d.alert();
        detailTitle.set("Alert " + a.id() + " · " + a.severity().toUpperCase(Locale.ROOT) + " · " + a.entityId());
        StringBuilder facts = new StringBuilder();
        facts.append("Status: ").append(a.status());
        if (a.policy() != null) facts.append("\nPolicy: ").append(a.policy());
        facts.append("\nEvents: ").append(a.eventCount()).append(", highest score ").append(String.format(Locale.ROOT, "%.2f", a.highestScore()));
        facts.append("\nFirst seen: ").append(time(a.firstSeen())).append("\nLast seen: ").append(time(a.lastSeen()));
        if (a.assignee() != null) facts.append("\nAssignee: ").append(a.assignee());
        if (a.acknowledgedBy() != null) facts.append("\nAcknowledged by ").append(a.acknowledgedBy()).append(" at ").append(time(a.acknowledgedAt()));
        if (a.resolvedBy() != null) {
            facts.append("\nResolved by ").append(a.resolvedBy()).append(" as ").append(a.resolution());
            if (a.note() != null && !a.note().isBlank()) facts.append(": ").append(a.note());
        }
        detailFacts.set(facts.toString());
        detailEvents.setAll(d.events());
    }

    // ---- triage

    /** Acknowledges the selected alert; false (and nothing sent) when none is selected or the user may not work alerts. */
    public boolean acknowledgeSelected() {
        return command("Could not acknowledge", client::acknowledge);
    }

    /** Assigns the selected alert to the logged-in user. */
    public boolean assignSelectedToMe() {
        String me = client.currentUser().map(UserView::username).orElse(null);
        if (me == null) return false;
        return command("Could not assign", id -> client.assign(id, me));
    }

    /** Opens the resolve pane for the selected alert. */
    public boolean beginResolve() {
        if (!canWork || selected.get() == null) return false;
        note.set("");
        resolving.set(true);
        return true;
    }

    public void cancelResolve() {
        resolving.set(false);
    }

    /** Resolves the selected alert with the chosen resolution and note, and closes the pane. */
    public boolean confirmResolve() {
        if (!resolving.get()) return false;
        resolving.set(false);
        String r = resolution.get();
        String n = blankToNull(note.get());
        return command("Could not resolve", id -> client.resolve(id, r, n));
    }

    private boolean command(String title, Function<Long, AlertView> action) {
        AlertRow row = selected.get();
        if (!canWork || row == null) return false;
        long id = row.id();
        background.run(() -> action.apply(id), after -> apply(after), e -> {
            failed(title + " alert " + id, e);
            if (e instanceof RiskClientException rce && rce.status() == 409) refresh(id);
        });
        return true;
    }

    /** Reloads one alert after a refusal, so the row shows what someone else did. */
    private void refresh(long id) {
        background.run(() -> client.alert(id), found -> found.ifPresent(d -> apply(d.alert())),
                e -> failed("Could not refresh alert " + id, e));
    }

    private void failed(String title, Throwable e) {
        navigator.showError(title, Errors.readable(e));
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id() == id) return i;
        return -1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- properties

    public ObservableList<AlertRow> rows() {
        return rows;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<String> severityChoices() {
        return severityChoices;
    }

    public ObjectProperty<AgeFilter> ageFilterProperty() {
        return ageFilter;
    }

    public StringProperty severityFilterProperty() {
        return severityFilter;
    }

    public StringProperty entityFilterProperty() {
        return entityFilter;
    }

    public StringProperty assigneeFilterProperty() {
        return assigneeFilter;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<AlertRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailFactsProperty() {
        return detailFacts.getReadOnlyProperty();
    }

    public ObservableList<AlertDetailView.Event> detailEvents() {
        return detailEvents;
    }

    public BooleanProperty resolvingProperty() {
        return resolving;
    }

    public StringProperty resolutionProperty() {
        return resolution;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** Whether the user may work alerts (acknowledge, resolve, assign): a viewer sees no action at all. */
    public boolean canWork() {
        return canWork;
    }

    /** True when the user may work alerts and one is selected. */
    public BooleanBinding actionableBinding() {
        return actionable;
    }

    /** True while a call is in flight, for the progress indicator. */
    public BooleanBinding busyBinding() {
        return busy;
    }

    @Override
    public void close() {
        try {
            liveRegistration.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not leave the live feed", e);
        }
    }
}
