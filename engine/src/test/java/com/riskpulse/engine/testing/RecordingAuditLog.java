package com.riskpulse.engine.testing;

import com.riskpulse.engine.audit.AuditAction;
import com.riskpulse.engine.audit.AuditEvent;
import com.riskpulse.engine.audit.AuditLog;

import java.util.ArrayList;
import java.util.List;

/** An in-memory audit log for unit tests: keeps what services record, in order. */
public final class RecordingAuditLog implements AuditLog {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized long record(AuditEvent event) {
        events.add(event);
        return events.size();
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<AuditEvent> of(AuditAction action) {
        return events.stream().filter(e -> e.action() == action).toList();
    }
}
