package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.audit.AuditEntry;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** One audit row, with its place in the hash chain. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuditEntryView(long seq, Instant at, String actor, String role, String origin, String action, String target,
                             Map<String, Object> details, String prevHash, String hash) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.seq(), e.at(), e.actor().username(), e.role().wireName(),
                e.origin().name().toLowerCase(Locale.ROOT), e.action().name(), e.target(), e.details(), e.prevHash(), e.hash());
    }
}
