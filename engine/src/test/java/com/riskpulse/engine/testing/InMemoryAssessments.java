package com.riskpulse.engine.testing;

import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.assessment.Assessments;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.assessment.LevelStats;
import com.riskpulse.engine.assessment.Page;
import com.riskpulse.engine.score.RiskLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory stand-in for the assessment store in unit tests: same idempotence, no database. */
public class InMemoryAssessments implements Assessments {

    private final Map<String, Assessment> byEventId = new LinkedHashMap<>();

    @Override
    public synchronized StoreOutcome storeAll(List<Assessment> batch) {
        int stored = 0;
        for (Assessment a : batch) {
            if (byEventId.putIfAbsent(a.eventId(), a) == null) stored++;
        }
        return new StoreOutcome(stored, batch.size() - stored);
    }

    public synchronized List<Assessment> all() {
        return new ArrayList<>(byEventId.values());
    }

    @Override
    public synchronized List<Assessment> latest(int limit) {
        return byEventId.values().stream().sorted(Comparator.comparingLong(Assessment::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Assessment> byId(long id) {
        return byEventId.values().stream().filter(a -> a.id() == id).findFirst();
    }

    @Override
    public synchronized Optional<Assessment> byEventId(String eventId) {
        return Optional.ofNullable(byEventId.get(eventId));
    }

    @Override
    public synchronized Page<Assessment> history(HistoryQuery q) {
        List<Assessment> matching = byEventId.values().stream()
                .filter(a -> q.entityId() == null || q.entityId().equals(a.entityId()))
                .filter(a -> q.levels().isEmpty() || q.levels().contains(a.level()))
                .filter(a -> q.minScore() == null || a.score() >= q.minScore())
                .filter(a -> q.maxScore() == null || a.score() <= q.maxScore())
                .filter(a -> q.from() == null || !a.event().timestamp().isBefore(q.from()))
                .filter(a -> q.to() == null || a.event().timestamp().isBefore(q.to()))
                .filter(a -> q.beforeId() == null || a.id() < q.beforeId())
                .sorted(Comparator.comparingLong(Assessment::id).reversed())
                .limit(q.limit() + 1L).toList();
        boolean more = matching.size() > q.limit();
        List<Assessment> page = more ? matching.subList(0, q.limit()) : matching;
        return new Page<>(page, more ? page.getLast().id() : null);
    }

    @Override
    public synchronized LevelStats stats(Instant from, Instant to) {
        Map<RiskLevel, Long> byLevel = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) byLevel.put(l, 0L);
        long total = 0;
        double sum = 0, max = 0;
        for (Assessment a : byEventId.values()) {
            if (a.scoredAt().isBefore(from) || !a.scoredAt().isBefore(to)) continue;
            byLevel.merge(a.level(), 1L, Long::sum);
            total++;
            sum += a.score();
            max = Math.max(max, a.score());
        }
        return new LevelStats(from, to, byLevel, total, total == 0 ? 0 : sum / total, max);
    }

    @Override
    public synchronized long pruneScoredBefore(Instant cutoff) {
        int before = byEventId.size();
        byEventId.values().removeIf(a -> a.scoredAt().isBefore(cutoff));
        return before - byEventId.size();
    }

    @Override
    public synchronized long count() {
        return byEventId.size();
    }
}
