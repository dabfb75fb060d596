package com.riskpulse.engine.alert;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A filter over the alert queue, newest first, paged by key. Empty sets and null values match everything.
 *
 * @param statuses   any of these statuses
 * @param severities any of these severities
 * @param entityId   this entity only
 * @param assignee   assigned to this user only
 * @param timeField  which time {@code from} and {@code to} apply to
 * @param from       inclusive
 * @param to         exclusive
 * @param beforeId   the cursor: only alerts with a smaller id (a previous page's {@code nextCursor})
 * @param limit      page size, 1 to {@value #MAX_LIMIT}
 */
public record AlertQuery(Set<AlertStatus> statuses, Set<RiskLevel> severities, String entityId, String assignee,
                         TimeField timeField, Instant from, Instant to, Long beforeId, int limit) {

    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    /** Which of an alert's times a range applies to. */
    public enum TimeField {
        /** the newest event's time */
        LAST_SEEN,
        /** when the alert was raised */
        CREATED_AT
    }

    public AlertQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
        if (timeField == null) timeField = TimeField.LAST_SEEN;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** Every alert, {@code limit} per page. */
    public static AlertQuery all(int limit) {
        return new AlertQuery(Set.of(), Set.of(), null, null, TimeField.LAST_SEEN, null, null, null, limit);
    }

    public AlertQuery withStatuses(AlertStatus... values) {
        return new AlertQuery(Set.of(values), severities, entityId, assignee, timeField, from, to, beforeId, limit);
    }

    public AlertQuery withSeverities(RiskLevel... values) {
        return new AlertQuery(statuses, Set.of(values), entityId, assignee, timeField, from, to, beforeId, limit);
    }

    public AlertQuery forEntity(String value) {
        return new AlertQuery(statuses, severities, value, assignee, timeField, from, to, beforeId, limit);
    }

    public AlertQuery assignedTo(String value) {
        return new AlertQuery(statuses, severities, entityId, value, timeField, from, to, beforeId, limit);
    }

    public AlertQuery between(TimeField field, Instant fromInclusive, Instant toExclusive) {
        return new AlertQuery(statuses, severities, entityId, assignee, field, fromInclusive, toExclusive, beforeId, limit);
    }

    /** The next page: alerts older (smaller id) than {@code cursor}; null means the first page. */
    public AlertQuery after(Long cursor) {
        return new AlertQuery(statuses, severities, entityId, assignee, timeField, from, to, cursor, limit);
    }
}
