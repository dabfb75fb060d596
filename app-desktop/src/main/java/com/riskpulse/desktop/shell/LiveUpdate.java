package com.riskpulse.desktop.shell;

import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.client.ConnectionState;

/** One item of the live stream as the console's screens receive it, a frame's worth at a time. */
public sealed interface LiveUpdate {

    /**
     * A scored event.
     *
     * @param receivedNanos {@code System.nanoTime()} when the client handed it over, for the screen's own lag figure
     */
    record Scored(LiveAssessment assessment, long receivedNanos) implements LiveUpdate {
    }

    /** @param change raised, updated, acknowledged, assigned or resolved */
    record AlertChanged(String change, AlertView alert) implements LiveUpdate {
    }

    record Stats(LiveStats stats) implements LiveUpdate {
    }

    record Dropped(long count) implements LiveUpdate {
    }

    record Connection(ConnectionState state, String detail) implements LiveUpdate {
    }
}
