package com.riskpulse.engine.assessment;

import com.riskpulse.engine.storage.Dialect;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The three ways {@link JdbcAssessments} can write a batch. Each runs inside the caller's transaction,
 * gets rows already free of duplicate event ids, and answers how many rows were new; an event id already
 * in the table is skipped by the database ({@code ON CONFLICT DO NOTHING}).
 */
final class JdbcAssessmentWriters {

    /** Rows per multi-row INSERT: far below PostgreSQL's 65,535 bind parameters, and a repeating SQL text. */
    static final int MULTI_ROW_CHUNK = 500;

    private static final String STAGING = "assessments_staging";

    private JdbcAssessmentWriters() {
    }

    /**
     * JDBC batch; with {@code reWriteBatchedInserts} PgJDBC folds it into multi-row INSERTs itself, but then
     * reports no row counts, so they are asked for afterwards (PostgreSQL 13+, for {@code pg_current_xact_id}).
     */
    static int batch(Connection c, Dialect dialect, List<Assessment> rows) throws SQLException {
        int[] counts;
        try (PreparedStatement p = c.prepareStatement(insert(dialect, 1))) {
            for (Assessment a : rows) {
                JdbcAssessmentRows.bind(p, 1, a);
                p.addBatch();
            }
            counts = p.executeBatch();
        }
        int stored = 0;
        for (int n : counts) {
            if (n < 0) return insertedByThisTransaction(c, rows); // rewritten: counts are SUCCESS_NO_INFO
            stored += n;
        }
        return stored;
    }

    /** One INSERT ... VALUES (...), (...) per {@link #MULTI_ROW_CHUNK} rows, which reports exact counts. */
    static int multiRow(Connection c, Dialect dialect, List<Assessment> rows) throws SQLException {
        int stored = 0;
        for (int from = 0; from < rows.size(); from += MULTI_ROW_CHUNK) {
            List<Assessment> chunk = rows.subList(from, Math.min(rows.size(), from + MULTI_ROW_CHUNK));
            try (PreparedStatement p = c.prepareStatement(insert(dialect, chunk.size()))) {
                int parameter = 1;
                for (Assessment a : chunk) {
                    JdbcAssessmentRows.bind(p, parameter, a);
                    parameter += JdbcAssessmentRows.COLUMN_COUNT;
                }
                stored += p.executeUpdate();
            }
        }
        return stored;
    }

    /**
     * PostgreSQL COPY into a session-local staging table, then one INSERT ... SELECT that skips known
     * event ids (COPY itself cannot skip conflicts). The staging table empties itself at commit.
     */
    static int copy(Connection c, List<Assessment> rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            // created once per pooled session; inside a rolled-back transaction it simply comes again
            s.execute("CREATE TEMP TABLE IF NOT EXISTS " + STAGING + " (LIKE assessments) ON COMMIT DELETE ROWS");
        }
        StringBuilder data = new StringBuilder(rows.size() * 1_500);
        for (Assessment a : rows) JdbcAssessmentRows.appendCopyLine(data, a);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn("COPY " + STAGING + " (" + JdbcAssessmentRows.COLUMNS + ") FROM STDIN", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + STAGING + " failed: " + e.getMessage(), e);
        }
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO assessments (" + JdbcAssessmentRows.COLUMNS + ") SELECT "
                    + JdbcAssessmentRows.COLUMNS + " FROM " + STAGING + " ON CONFLICT (event_id) DO NOTHING");
        }
    }

    static String insert(Dialect dialect, int rows) {
        String values = "(" + "?, ".repeat(JdbcAssessmentRows.COLUMN_COUNT - 1) + "?)";
        StringBuilder sql = new StringBuilder("INSERT INTO assessments (").append(JdbcAssessmentRows.COLUMNS).append(") VALUES ");
        for (int i = 0; i < rows; i++) sql.append(i == 0 ? "" : ", ").append(values);
        // H2 2.5 knows only the target-less form; PostgreSQL is told the target, so that a clash on the
        // primary key (two nodes sharing a node id) fails loudly instead of passing for a duplicate
        return sql.append(dialect == Dialect.POSTGRESQL ? " ON CONFLICT (event_id) DO NOTHING" : " ON CONFLICT DO NOTHING")
                .toString();
    }

    /**
     * Rows of this batch that this transaction wrote: a row's {@code xmin} is the id of the transaction that
     * inserted it, so a row stored earlier by another transaction (a re-delivered batch) is not counted.
     */
    private static int insertedByThisTransaction(Connection c, List<Assessment> rows) throws SQLException {
        Long[] ids = rows.stream().map(Assessment::id).toArray(Long[]::new);
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM assessments WHERE id = ANY (?) AND xmin = pg_current_xact_id()::xid")) {
            p.setArray(1, c.createArrayOf("bigint", ids));
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
