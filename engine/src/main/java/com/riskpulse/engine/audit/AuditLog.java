package com.riskpulse.engine.audit;

/**
 * Where services record what they did. Append-only; the implementation chains every entry to the one
 * before it by hash so that tampering shows ({@code verify}). Recording happens in the caller's flow:
 * an action whose audit entry cannot be written fails.
 */
public interface AuditLog {

    /** Appends one entry and answers its sequence number. */
    long record(AuditEvent event);
}
