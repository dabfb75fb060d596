package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded row of the audit trail, as read back.
 *
 * @param seq      position in the chain, from 1
 * @param at       when, to the microsecond
 * @param actor    who, with the role and origin of that moment
 * @param action   what
 * @param target   what it was done to; null when none
 * @param details  the recorded facts (nested objects as maps, arrays as lists, whole numbers as Integer or Long)
 * @param prevHash the previous entry's hash
 * @param hash     this entry's hash
 */
public record AuditEntry(long seq, Instant at, Actor actor, AuditAction action, String target,
                         Map<String, Object> details, String prevHash, String hash) {

    public AuditEntry {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(details);
    }

    public Role role() {
        return actor.role();
    }

    public Origin origin() {
        return actor.origin();
    }
}
