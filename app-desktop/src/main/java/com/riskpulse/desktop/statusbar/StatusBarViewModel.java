package com.riskpulse.desktop.statusbar;

import com.riskpulse.desktop.shell.LiveUpdate;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.RiskClient;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The status bar's logic: where the engine runs and its data lives, whether the live stream flows, its pace and lag,
 * and who is logged in. Fed by the shared live feed (one batch per frame); the texts are rewritten at most four times
 * a second.
 */
public final class StatusBarViewModel {

    private static final long TEXT_EVERY_MILLIS = 250;

    private final ScreenContext ctx;
    private final ScreenLag screenLag = new ScreenLag();
    private final StringProperty mode = new SimpleStringProperty();
    private final StringProperty location = new SimpleStringProperty();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>();
    private final StringProperty connectionText = new SimpleStringProperty();
    private final StringProperty rate = new SimpleStringProperty("– events/s");
    private final StringProperty lag = new SimpleStringProperty("lag –");
    private final StringProperty user = new SimpleStringProperty();
    private final StringProperty dropped = new SimpleStringProperty("");
    private LiveStats lastStats;
    private long droppedByServer;
    private long lastTextMillis = Long.MIN_VALUE / 2;
    private AutoCloseable registration;

    public StatusBarViewModel(ScreenContext ctx) {
        this.ctx = ctx;
        RiskClient client = ctx.client();
        mode.set(client.kind() == RiskClient.Kind.EMBEDDED ? "This computer" : "Server");
        location.set(client.location());
        user.set(client.currentUser().map(StatusBarViewModel::who).orElse("not logged in"));
        showConnection(client.connectionState(), null);
    }

    /** Starts receiving the live feed. */
    public void start() {
        if (registration == null) registration = ctx.live().register(this::onFrame);
    }

    public void close() {
        if (registration == null) return;
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not leave the live feed", e);
        }
        registration = null;
    }

    /** One frame's worth of live updates. */
    public void onFrame(List<LiveUpdate> batch) {
        Instant now = ctx.clock().instant();
        for (LiveUpdate update : batch) {
            switch (update) {
                case LiveUpdate.Scored s -> screenLag.record(s.assessment().scoredAt(), now);
                case LiveUpdate.Stats st -> lastStats = st.stats();
                case LiveUpdate.Connection c -> showConnection(c.state(), c.detail());
                case LiveUpdate.Dropped d -> droppedByServer += d.count();
                case LiveUpdate.AlertChanged ignored -> {
                }
            }
        }
        if (now.toEpochMilli() - lastTextMillis >= TEXT_EVERY_MILLIS) updateTexts(now);
    }

    private void updateTexts(Instant now) {
        lastTextMillis = now.toEpochMilli();
        if (lastStats != null) rate.set(String.format(Locale.ROOT, "%,.0f events/s", lastStats.eventsPerSecond()));
        long screen = screenLag.medianMillis(now);
        String engine = lastStats == null ? "–" : String.format(Locale.ROOT, "%.1f ms", lastStats.latencyP50Ms());
        lag.set("lag p50 engine " + engine + " · screen " + (screen < 0 ? "–" : String.format(Locale.ROOT, "%,d ms", screen)));
        long behind = droppedByServer + ctx.live().dropped();
        dropped.set(behind == 0 ? "" : String.format(Locale.ROOT, "%,d updates skipped", behind));
        user.set(ctx.client().currentUser().map(StatusBarViewModel::who).orElse("not logged in"));
    }

    private void showConnection(ConnectionState state, String detail) {
        connection.set(state);
        connectionText.set(switch (state) {
            case CONNECTED -> "Connected";
            case RECONNECTING -> detail == null || detail.isBlank() ? "Reconnecting…" : "Reconnecting… (" + detail + ")";
            case DISCONNECTED -> detail == null || detail.isBlank() ? "Disconnected" : "Disconnected (" + detail + ")";
        });
    }

    private static String who(UserView u) {
        return u.username() + " (" + u.role() + ")";
    }

    public StringProperty mode() {
        return mode;
    }

    public StringProperty location() {
        return location;
    }

    public ObjectProperty<ConnectionState> connection() {
        return connection;
    }

    public StringProperty connectionText() {
        return connectionText;
    }

    public StringProperty rate() {
        return rate;
    }

    public StringProperty lag() {
        return lag;
    }

    public StringProperty user() {
        return user;
    }

    /** Updates the console or the server skipped because the console fell behind; empty when none. */
    public StringProperty dropped() {
        return dropped;
    }
}
