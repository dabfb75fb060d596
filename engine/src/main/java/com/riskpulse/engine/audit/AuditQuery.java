package com.riskpulse.engine.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for reading the audit trail, newest first. Every filter is optional (null or empty means "any").
 * Start from {@link #all} and narrow with the {@code with...} methods.
 *
 * @param actorName    only entries by this user name (exact)
 * @param actions      only these actions
 * @param target       only this target (exact), e.g. {@code alert:42}
 * @param targetPrefix only targets starting with this, e.g. {@code alert:}; not together with {@code target}
 * @param from         at or after this time
 * @param to           before this time
 * @param beforeSeq    the cursor: only entries with a lower seq (the previous page's {@code nextCursor})
 * @param limit        page size, 1..{@link #MAX_LIMIT}
 */
public record AuditQuery(
        String actorName,
        Set<AuditAction> actions,
        String target,
        String targetPrefix,
        Instant from,
        Instant to,
        Long beforeSeq,
        int limit) {

    public static final int MAX_LIMIT = 1_000;
    public static final int DEFAULT_LIMIT = 100;

    public AuditQuery {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        if (target != null && targetPrefix != null) {
            throw new IllegalArgumentException("filter by target or by target prefix, not both");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }

    public static AuditQuery all(int limit) {
        return new AuditQuery(null, Set.of(), null, null, null, null, null, limit);
    }

    public AuditQuery withActor(String name) {
        return new AuditQuery(name, actions, target, targetPrefix, from, to, beforeSeq, limit);
    }

    public AuditQuery withActions(AuditAction... only) {
        return new AuditQuery(actorName, Set.of(only), target, targetPrefix, from, to, beforeSeq, limit);
    }

    public AuditQuery withTarget(String exact) {
        return new AuditQuery(actorName, actions, exact, null, from, to, beforeSeq, limit);
    }

    public AuditQuery withTargetPrefix(String prefix) {
        return new AuditQuery(actorName, actions, null, prefix, from, to, beforeSeq, limit);
    }

    /** At or after {@code from} (null: no lower bound) and before {@code to} (null: no upper bound). */
    public AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(actorName, actions, target, targetPrefix, from, to, beforeSeq, limit);
    }

    /** The next page: entries older than {@code cursor}. */
    public AuditQuery after(Long cursor) {
        return new AuditQuery(actorName, actions, target, targetPrefix, from, to, cursor, limit);
    }
}
