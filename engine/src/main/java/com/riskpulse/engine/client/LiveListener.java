package com.riskpulse.engine.client;

import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;

/**
 * Receives the live stream of a {@link RiskClient}, on the client's threads (pipeline workers, a WebSocket reader):
 * every method must return quickly and never touch the UI directly.
 */
public interface LiveListener {

    /** One scored event. */
    void onAssessment(LiveAssessment assessment);

    /** @param change {@code raised, updated, acknowledged, assigned} or {@code resolved} */
    default void onAlert(String change, AlertView alert) {
    }

    /** The pipeline's pulse, about once a second. */
    default void onStats(LiveStats stats) {
    }

    /** The server coalesced this many messages because this client fell behind. */
    default void onDropped(long count) {
    }

    /** The live connection changed: connected, reconnecting after a drop (with the reason), or closed. */
    default void onConnection(ConnectionState state, String detail) {
    }
}
