package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;

import java.util.Map;
import java.util.Objects;

/**
 * One thing to record: who did what to which target, with details (for a change: before and after).
 * The audit log adds the time, the sequence number and the hash chain.
 *
 * @param actor   who, with role and origin
 * @param action  what
 * @param target  what it was done to, e.g. {@code alert:42}, {@code user:7}, {@code config:3}; null when none
 * @param details small key-value facts; values are strings, numbers, booleans or nested maps/lists
 */
public record AuditEvent(Actor actor, AuditAction action, String target, Map<String, Object> details) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    public static AuditEvent of(Actor actor, AuditAction action, String target) {
        return new AuditEvent(actor, action, target, Map.of());
    }
}
