package com.riskpulse.engine.assessment;

import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for the assessment history. Every filter is optional (null or empty means "any").
 *
 * @param entityId  only this entity
 * @param levels    only these levels
 * @param minScore  score at least this
 * @param maxScore  score at most this
 * @param from      event time at or after this
 * @param to        event time before this
 * @param beforeId  the cursor: only ids lower than this (the previous page's last id)
 * @param limit     page size, 1..{@link #MAX_LIMIT}
 */
public record HistoryQuery(
        String entityId,
        Set<RiskLevel> levels,
        Double minScore,
        Double maxScore,
        Instant from,
        Instant to,
        Long beforeId,
        int limit) {

    public static final int MAX_LIMIT = 1_000;
    public static final int DEFAULT_LIMIT = 100;

    public HistoryQuery {
        levels = levels == null ? Set.of() : Set.copyOf(levels);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        if (minScore != null && (minScore < 0 || minScore > 1)) {
            throw new IllegalArgumentException("min_score must be in [0, 1], got " + minScore);
        }
        if (maxScore != null && (maxScore < 0 || maxScore > 1)) {
            throw new IllegalArgumentException("max_score must be in [0, 1], got " + maxScore);
        }
        if (minScore != null && maxScore != null && minScore > maxScore) {
            throw new IllegalArgumentException("min_score " + minScore + " is above max_score " + maxScore);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
    }

    public static HistoryQuery all(int limit) {
        return new HistoryQuery(null, Set.of(), null, null, null, null, null, limit);
    }

    public HistoryQuery after(Long cursor) {
        return new HistoryQuery(entityId, levels, minScore, maxScore, from, to, cursor, limit);
    }
}
