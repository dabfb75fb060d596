package com.riskpulse.engine.alert;

import java.util.List;

/** An alert with its events, oldest first: what the detail screen shows. */
public record AlertDetail(Alert alert, List<AlertEvent> events) {

    public AlertDetail {
        events = List.copyOf(events);
    }
}
