package com.riskpulse.desktop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.riskpulse.desktop.export.CsvExport;
import com.riskpulse.desktop.filter.TimeRange;
import com.riskpulse.desktop.paging.KeyPager;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.AuditEntryView;
import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditQuery;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.client.AuditVerification;
import com.riskpulse.engine.client.RiskClient;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The audit trail's logic (admins only): filters, key-paged entries, verifying the hash chain and exporting to CSV.
 */
public final class AuditViewModel {

    public static final int PAGE_SIZE = AuditQuery.DEFAULT_LIMIT;
    public static final long EXPORT_CAP = 100_000;
    public static final List<String> CSV_HEADER = List.of("seq", "time", "actor", "role", "origin", "action", "target", "details");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the last verification found. */
    public enum Verdict { NONE, RUNNING, INTACT, BROKEN, FAILED }

    /** One audit entry as the table and the CSV show it. */
    public record Row(long seq, String time, String actor, String role, String origin, String action, String target,
                      String details) {
        List<String> csv() {
            return List.of(Long.toString(seq), time, actor, role, origin, action, target, details);
        }
    }

    private final RiskClient client;
    private final Background background;
    private final Navigator navigator;
    private final ZoneId zone;

    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final StringProperty targetPrefix = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
    private final StringProperty fromTime = new SimpleStringProperty("");
    private final StringProperty toTime = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.NONE);
    private final ReadOnlyStringWrapper verifyMessage = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanBinding canSearch;
    private final CsvExport export;
    private final KeyPager<AuditEntryView> pager;
    private final boolean allowed;

    private AuditQuery shownQuery;

    public AuditViewModel(ScreenContext ctx) {
        this.client = ctx.client();
        this.background = ctx.background();
        this.navigator = ctx.navigator();
        Clock clock = ctx.clock();
        this.zone = clock.getZone();
        this.export = new CsvExport(background);
        this.pager = new KeyPager<>(background, new KeyPager.Pages<>() {
            @Override
            public void shown(List<AuditEntryView> items, int number, boolean more) {
                rows.setAll(items.stream().map(AuditViewModel.this::row).toList());
                status.set(rows.isEmpty() ? "No entries match." : rows.size() + " entries on page " + number
                        + (more ? ", more after." : "."));
            }

            @Override
            public void failed(Throwable e) {
                status.set("Loading the audit trail failed.");
                navigator.showError("Audit", Errors.readable(e));
            }
        });
        this.allowed = client.may(Permission.READ_AUDIT);
        fromDate.addListener((o, a, b) -> validate());
        toDate.addListener((o, a, b) -> validate());
        fromTime.addListener((o, a, b) -> validate());
        toTime.addListener((o, a, b) -> validate());
        canSearch = Bindings.createBooleanBinding(() -> allowed && dateError.get().isEmpty() && !pager.loading().get(),
                dateError, pager.loading());
    }

    /** Whether the logged-in user may read the audit trail; the screen shows "Admins only" otherwise. */
    public boolean allowed() {
        return allowed;
    }

    private void validate() {
        String error = "";
        try {
            dates();
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        dateError.set(error);
    }

    private TimeRange dates() {
        return TimeRange.of(fromDate.get(), fromTime.get(), toDate.get(), toTime.get(), zone);
    }

    AuditQuery query(int limit) {
        AuditQuery q = AuditQuery.all(limit);
        if (!blank(actor.get())) q = q.withActor(actor.get().trim());
        if (action.get() != null) q = q.withActions(action.get());
        if (!blank(targetPrefix.get())) q = q.withTargetPrefix(targetPrefix.get().trim());
        TimeRange dates = dates();
        return q.between(dates.from(), dates.to());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- paging

    public void search() {
        if (!canSearch.get()) return;
        try {
            shownQuery = query(PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            navigator.showError("Audit", Errors.readable(e));
            return;
        }
        AuditQuery q = shownQuery;
        pager.first(cursor -> client.audit(q.after(cursor)));
    }

    public void next() {
        pager.next();
    }

    public void previous() {
        pager.previous();
    }

    // ---- verify

    /** Walks the hash chain on the background; the verdict and its one-line description follow. */
    public void verify() {
        if (verdict.get() == Verdict.RUNNING) return;
        verdict.set(Verdict.RUNNING);
        verifyMessage.set("Verifying the audit chain…");
        background.run(client::verifyAudit, (AuditVerification v) -> {
            verdict.set(v.intact() ? Verdict.INTACT : Verdict.BROKEN);
            verifyMessage.set(v.describe());
        }, e -> {
            verdict.set(Verdict.FAILED);
            verifyMessage.set("Could not verify: " + Errors.readable(e));
        });
    }

    // ---- export

    public void export(Path file) {
        AuditQuery q;
        try {
            q = (shownQuery != null ? shownQuery : query(PAGE_SIZE)).after(null);
        } catch (IllegalArgumentException e) {
            navigator.showError("Export", Errors.readable(e));
            return;
        }
        AuditQuery all = new AuditQuery(q.actorName(), q.actions(), q.target(), q.targetPrefix(), q.from(), q.to(), null,
                AuditQuery.MAX_LIMIT);
        export.start(file, CSV_HEADER, cursor -> client.audit(all.after(cursor)), (AuditEntryView e) -> row(e).csv(), EXPORT_CAP,
                result -> navigator.notify(result.describe()),
                e -> {
                    if (!(e instanceof CancellationException)) navigator.showError("Export", Errors.readable(e));
                });
    }

    public void cancelExport() {
        export.cancel();
    }

    public CsvExport exportJob() {
        return export;
    }

    Row row(AuditEntryView e) {
        return new Row(e.seq(), TIME.format(e.at().atZone(zone)), e.actor(), e.role(), e.origin(), e.action(),
                e.target() == null ? "" : e.target(), json(e.details()));
    }

    private static String json(Map<String, Object> details) {
        if (details == null || details.isEmpty()) return "";
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return details.toString();
        }
    }

    // ---- properties

    public StringProperty actor() {
        return actor;
    }

    public ObjectProperty<AuditAction> action() {
        return action;
    }

    public StringProperty targetPrefix() {
        return targetPrefix;
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

    public ReadOnlyObjectProperty<Verdict> verdict() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verifyMessage() {
        return verifyMessage.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
