package com.riskpulse.desktop.alertqueue;

import com.riskpulse.engine.api.AlertView;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the queue: the alert as last seen (replaced in place when a live change or an action's answer comes
 * in, so the table redraws the row without losing the selection) and its age, re-phrased on every tick.
 */
public final class AlertRow {

    private final ReadOnlyObjectWrapper<AlertView> alert;
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");

    AlertRow(AlertView alert, Instant now) {
        this.alert = new ReadOnlyObjectWrapper<>(alert);
        tick(now);
    }

    public long id() {
        return alert.get().id();
    }

    public AlertView alert() {
        return alert.get();
    }

    public ReadOnlyObjectProperty<AlertView> alertProperty() {
        return alert.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    void update(AlertView newer, Instant now) {
        alert.set(newer);
        tick(now);
    }

    void tick(Instant now) {
        AlertView a = alert.get();
        Instant since = a.createdAt() != null ? a.createdAt() : a.firstSeen();
        age.set(since == null ? "" : age(Duration.between(since, now)));
    }

    /** "just now", "3 min", "2 h", "4 d": short enough for a narrow column, exact enough for triage. */
    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) return "just now";
        if (minutes < 60) return minutes + " min";
        long hours = minutes / 60;
        if (hours < 48) return hours + " h";
        return hours / 24 + " d";
    }
}
