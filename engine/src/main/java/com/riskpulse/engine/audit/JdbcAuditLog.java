package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Permission;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.Dialect;
import com.riskpulse.engine.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The audit trail in {@code audit_log} (V4__audit.sql), with plain JDBC rather than Hibernate: the table is
 * only ever inserted into, one row per transaction under a row lock, and read in key order; an ORM would add
 * nothing but a managed entity that could be updated. This class has no update or delete of {@code audit_log}.
 *
 * <p><b>Chain lock.</b> An append runs in one transaction: lock the single {@code audit_chain_head} row
 * ({@code SELECT ... FOR UPDATE}), take seq = head + 1 and prev_hash = head hash, read the clock, insert the
 * row, move the head, commit. The lock is the database's, so appends from every thread and every server
 * sharing one PostgreSQL (scale-out) form one linear chain; on H2 the same statement locks the same row. A
 * failure rolls the whole append back and {@link #record} throws, so the caller's action fails with it.
 */
public final class JdbcAuditLog implements AuditTrail {

    /** How long an H2 append waits for the chain lock; PostgreSQL waits without limit by default. */
    private static final int H2_LOCK_TIMEOUT_MS = 30_000;
    /** Verification reads the chain in key-ordered chunks of this many rows: constant memory, no long cursor. */
    static final int VERIFY_CHUNK = 1_000;

    private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    private static final String READ_HEAD = "SELECT seq, hash FROM audit_chain_head WHERE id = 1";
    private static final String MOVE_HEAD = "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1";
    private static final String INSERT = "INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, origin, "
            + "action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String COLUMNS = "seq, at, actor_id, actor_name, actor_role, origin, action, target, details, prev_hash, hash";
    private static final String CHUNK = "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, Dialect dialect, Clock clock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.clock = clock;
    }

    public JdbcAuditLog(Database database, Clock clock) {
        this(database.dataSource(), database.dialect(), clock);
    }

    @Override
    public long record(AuditEvent event) {
        // outside the lock: canonicalising the details is the slow part and needs no chain state
        String details = AuditHashing.canonicalDetails(event.details());
        Actor actor = event.actor();
        try (Connection c = dataSource.getConnection()) {
            if (dialect == Dialect.H2) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
                }
            }
            c.setAutoCommit(false);
            try {
                long seq;
                String prevHash;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LOCK_HEAD)) {
                    if (!rs.next()) throw new SQLException("audit_chain_head has no row: the V4 migration did not run");
                    seq = rs.getLong(1) + 1;
                    prevHash = rs.getString(2);
                }
                // read under the lock, so times never go backwards along the chain (given synchronised clocks)
                Instant at = AuditHashing.truncate(clock.instant());
                var content = new AuditHashing.Content(seq, at, actor.userId(), actor.username(), actor.role().name(),
                        actor.origin().name(), event.action().name(), event.target(), details, prevHash);
                String hash = AuditHashing.hash(content);
                insert(c, content, hash);
                try (PreparedStatement p = c.prepareStatement(MOVE_HEAD)) {
                    p.setLong(1, seq);
                    p.setString(2, hash);
                    p.executeUpdate();
                }
                c.commit();
                return seq;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StorageException.of("recording audit entry " + event.action() + " by " + actor.username(), e);
        }
    }

    private static void insert(Connection c, AuditHashing.Content row, String hash) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(INSERT)) {
            p.setLong(1, row.seq());
            p.setObject(2, OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC));
            p.setLong(3, row.actorId());
            p.setString(4, row.actorName());
            p.setString(5, row.role());
            p.setString(6, row.origin());
            p.setString(7, row.action());
            p.setString(8, row.target());
            p.setString(9, row.canonicalDetails());
            p.setString(10, row.prevHash());
            p.setString(11, hash);
            p.executeUpdate();
        }
    }

    @Override
    public ChainVerification verify(Actor actor) {
        actor.require(Permission.VERIFY_AUDIT);
        ChainVerification result = walkChain();
        record(new AuditEvent(actor, AuditAction.AUDIT_VERIFIED, "audit_log", result.details()));
        return result;
    }

    /** Checks every row up to the chain head as it stood when the walk began; later appends are left for next time. */
    private ChainVerification walkChain() {
        ChainCheck check = new ChainCheck();
        try (Connection c = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READ_HEAD)) {
                if (!rs.next()) throw new SQLException("audit_chain_head has no row: the V4 migration did not run");
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long after = 0;
            boolean more = true;
            try (PreparedStatement p = c.prepareStatement(CHUNK)) {
                while (more) {
                    p.setLong(1, after);
                    p.setLong(2, headSeq);
                    p.setInt(3, VERIFY_CHUNK);
                    int rows = 0;
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            AuditHashing.Content content = content(rs);
                            after = content.seq();
                            if (!check.accept(content, rs.getString(11))) return check.result(headSeq, headHash);
                        }
                    }
                    more = rows == VERIFY_CHUNK;
                }
            }
            return check.result(headSeq, headHash);
        } catch (SQLException e) {
            throw StorageException.of("verifying the audit chain", e);
        }
    }

    /** A row's facts as stored, in {@link #COLUMNS} order. */
    static AuditHashing.Content content(ResultSet rs) throws SQLException {
        return new AuditHashing.Content(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    @Override
    public AuditPage query(Actor actor, AuditQuery query) {
        actor.require(Permission.READ_AUDIT);
        return JdbcAuditQueries.page(dataSource, query);
    }
}
