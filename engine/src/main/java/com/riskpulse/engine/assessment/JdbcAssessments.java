package com.riskpulse.engine.assessment;

import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.Dialect;
import com.riskpulse.engine.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Assessments in the {@code assessments} table, written and read with plain JDBC rather than Hibernate:
 * this is the high-volume path (ARCHITECTURE.md, Persistence), where a batch goes to the database in one
 * transaction and as few round trips as the chosen {@link WriteStrategy} allows.
 *
 * <p>Storage is idempotent on the event id: duplicates within a batch are dropped before writing, and the
 * database skips event ids it already holds. Times are kept to the microsecond (PostgreSQL's resolution),
 * so an assessment reads back equal when its {@code scoredAt} has no finer digits.
 */
public final class JdbcAssessments implements Assessments {

    /** Deleted per statement by {@link #pruneScoredBefore}, so a large prune never holds one huge transaction. */
    static final int DEFAULT_PRUNE_CHUNK = 5_000;

    /** How {@link #storeAll} sends a batch; kept selectable so the benchmark can compare them. */
    public enum WriteStrategy {
        /** A JDBC batch of one-row INSERTs (PgJDBC rewrites it into multi-row INSERTs with reWriteBatchedInserts). */
        BATCH,
        /** Multi-row {@code INSERT ... VALUES (...), (...)} statements built here. */
        MULTI_ROW,
        /** PostgreSQL only: COPY into a staging table, then {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING}. */
        COPY;

        /**
         * MULTI_ROW on PostgreSQL: in a first measurement it tied with BATCH and beat COPY (whose conflict
         * handling needs a staging table, so every row is written twice), gets exact counts without an extra
         * query, and stays fast when a URL turns {@code reWriteBatchedInserts} off. BATCH on H2.
         */
        public static WriteStrategy defaultFor(Dialect dialect) {
            return dialect == Dialect.POSTGRESQL ? MULTI_ROW : BATCH;
        }
    }

    private final DataSource dataSource;
    private final Dialect dialect;
    private final WriteStrategy strategy;
    private final int pruneChunk;

    /** On an open database, with the default strategy for its dialect. */
    public JdbcAssessments(Database database) {
        this(database.dataSource(), database.dialect(), WriteStrategy.defaultFor(database.dialect()));
    }

    public JdbcAssessments(DataSource dataSource, Dialect dialect, WriteStrategy strategy) {
        this(dataSource, dialect, strategy, DEFAULT_PRUNE_CHUNK);
    }

    JdbcAssessments(DataSource dataSource, Dialect dialect, WriteStrategy strategy, int pruneChunk) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        if (strategy == WriteStrategy.COPY && dialect != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("write strategy COPY needs PostgreSQL, not " + dialect);
        }
        if (pruneChunk < 1) throw new IllegalArgumentException("prune chunk must be at least 1, got " + pruneChunk);
        this.pruneChunk = pruneChunk;
    }

    public WriteStrategy strategy() {
        return strategy;
    }

    @Override
    public StoreOutcome storeAll(List<Assessment> batch) {
        if (batch.isEmpty()) return new StoreOutcome(0, 0);
        Map<String, Assessment> unique = new LinkedHashMap<>(batch.size() * 2);
        for (Assessment a : batch) unique.putIfAbsent(a.eventId(), a); // the first of a repeated event wins
        List<Assessment> rows = new ArrayList<>(unique.values());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int stored = switch (strategy) {
                    case BATCH -> JdbcAssessmentWriters.batch(c, dialect, rows);
                    case MULTI_ROW -> JdbcAssessmentWriters.multiRow(c, dialect, rows);
                    case COPY -> JdbcAssessmentWriters.copy(c, rows);
                };
                c.commit();
                return new StoreOutcome(stored, batch.size() - stored);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageException.of("storing " + batch.size() + " assessments (" + strategy + ")", e);
        }
    }

    @Override
    public List<Assessment> latest(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        return query("reading the latest assessments", JdbcAssessmentRows.SELECT + " ORDER BY id DESC LIMIT ?", List.of(limit));
    }

    @Override
    public Optional<Assessment> byId(long id) {
        return query("reading assessment " + id, JdbcAssessmentRows.SELECT + " WHERE id = ?", List.of(id)).stream().findFirst();
    }

    @Override
    public Optional<Assessment> byEventId(String eventId) {
        return query("reading the assessment of event " + eventId, JdbcAssessmentRows.SELECT + " WHERE event_id = ?",
                List.of(eventId)).stream().findFirst();
    }

    @Override
    public Page<Assessment> history(HistoryQuery q) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        List<Object> parameters = new ArrayList<>();
        if (q.entityId() != null) condition(where, parameters, "entity_id = ?", q.entityId());
        if (!q.levels().isEmpty() && q.levels().size() < RiskLevel.values().length) {
            StringJoiner in = new StringJoiner(", ", "level IN (", ")");
            for (RiskLevel level : q.levels()) {
                in.add("?");
                parameters.add(level.name());
            }
            where.add(in.toString());
        }
        if (q.minScore() != null) condition(where, parameters, "score >= ?", q.minScore());
        if (q.maxScore() != null) condition(where, parameters, "score <= ?", q.maxScore());
        if (q.from() != null) condition(where, parameters, "event_time >= ?", JdbcAssessmentRows.utc(q.from()));
        if (q.to() != null) condition(where, parameters, "event_time < ?", JdbcAssessmentRows.utc(q.to()));
        if (q.beforeId() != null) condition(where, parameters, "id < ?", q.beforeId());
        parameters.add(q.limit() + 1); // one more than asked tells whether another page follows
        List<Assessment> rows = query("reading assessment history", JdbcAssessmentRows.SELECT + where + " ORDER BY id DESC LIMIT ?",
                parameters);
        if (rows.size() <= q.limit()) return new Page<>(rows, null);
        List<Assessment> page = rows.subList(0, q.limit());
        return new Page<>(page, page.getLast().id());
    }

    @Override
    public LevelStats stats(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Map<RiskLevel, Long> byLevel = new EnumMap<>(RiskLevel.class);
        for (RiskLevel level : RiskLevel.values()) byLevel.put(level, 0L);
        long total = 0;
        double sum = 0;
        double max = 0;
        String sql = "SELECT level, COUNT(*), SUM(score), MAX(score) FROM assessments "
                + "WHERE scored_at >= ? AND scored_at < ? GROUP BY level";
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, JdbcAssessmentRows.utc(from));
            p.setObject(2, JdbcAssessmentRows.utc(to));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    byLevel.put(RiskLevel.valueOf(rs.getString(1)), n);
                    total += n;
                    sum += rs.getDouble(3);
                    max = Math.max(max, rs.getDouble(4));
                }
            }
        } catch (SQLException e) {
            throw StorageException.of("computing assessment statistics", e);
        }
        return new LevelStats(from, to, byLevel, total, total == 0 ? 0 : sum / total, max);
    }

    @Override
    public long pruneScoredBefore(Instant cutoff) {
        // PostgreSQL has no DELETE ... LIMIT; each statement commits on its own (auto-commit)
        String sql = "DELETE FROM assessments WHERE id IN (SELECT id FROM assessments WHERE scored_at < ? LIMIT ?)";
        long deleted = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, JdbcAssessmentRows.utc(cutoff));
            p.setInt(2, pruneChunk);
            int n;
            do {
                n = p.executeUpdate();
                deleted += n;
            } while (n == pruneChunk);
        } catch (SQLException e) {
            throw StorageException.of("pruning assessments scored before " + cutoff + " (" + deleted + " deleted so far)", e);
        }
        return deleted;
    }

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM assessments")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StorageException.of("counting assessments", e);
        }
    }

    private static void condition(StringJoiner where, List<Object> parameters, String sql, Object value) {
        where.add(sql);
        parameters.add(value);
    }

    private List<Assessment> query(String attempted, String sql, List<Object> parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) p.setObject(i + 1, parameters.get(i));
            List<Assessment> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) rows.add(JdbcAssessmentRows.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw StorageException.of(attempted, e);
        }
    }
}
