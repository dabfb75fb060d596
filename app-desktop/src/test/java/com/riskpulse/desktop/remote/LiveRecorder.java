package com.riskpulse.desktop.remote;

import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.LiveListener;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Remembers everything a client's live stream delivered, for the tests to wait on. */
final class LiveRecorder implements LiveListener {
    record Change(String change, AlertView alert) {
    }

    final ConcurrentLinkedQueue<LiveAssessment> assessments = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Change> alerts = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<LiveStats> stats = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> connection = new ConcurrentLinkedQueue<>();
    volatile ConnectionState last;

    @Override
    public void onAssessment(LiveAssessment assessment) {
        assessments.add(assessment);
    }

    @Override
    public void onAlert(String change, AlertView alert) {
        alerts.add(new Change(change, alert));
    }

    @Override
    public void onStats(LiveStats s) {
        stats.add(s);
    }

    @Override
    public void onConnection(ConnectionState state, String detail) {
        connection.add(state + " " + detail);
        last = state;
    }

    boolean saw(String eventId) {
        return assessments.stream().anyMatch(a -> a.eventId().equals(eventId));
    }

    boolean sawAlert(String change, String entity) {
        return alerts.stream().anyMatch(c -> c.change().equals(change) && c.alert().entityId().equals(entity));
    }
}
