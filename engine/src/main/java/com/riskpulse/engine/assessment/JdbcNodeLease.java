package com.riskpulse.engine.assessment;

import com.riskpulse.engine.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * This engine's hold on its node id, the 10 bits that keep {@link AssessmentIds} unique across the servers sharing
 * one database. Two servers with one node id would mint the same assessment ids: on PostgreSQL the second one's
 * batches would fail for ever, on H2 its assessments would be skipped as duplicates. So the id is leased in the
 * database ({@code node_leases}): claimed at start, renewed every {@link #RENEW_EVERY}, released at close, and taken
 * over only when its holder has not renewed it for {@link #STALE_AFTER} (a crashed server).
 *
 * <p>An operator who sets {@code NODE_ID} gets that id or a start-up error naming its holder; without it the engine
 * takes the lowest free id, so that servers of a cluster need no per-server setting. Times are the database's own
 * ({@code CURRENT_TIMESTAMP}), so the servers' clocks need not agree.
 */
public final class JdbcNodeLease implements AutoCloseable {

    static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    static final Duration STALE_AFTER = Duration.ofSeconds(45);
    static final int NODE_IDS = 1024;

    private static final Logger log = LoggerFactory.getLogger(JdbcNodeLease.class);
    private static final String STALE = "CURRENT_TIMESTAMP - INTERVAL '" + STALE_AFTER.toSeconds() + "' SECOND";

    private final DataSource dataSource;
    private final int nodeId;
    private final String holder;
    private final ScheduledExecutorService renewer;
    private volatile boolean lost;

    private JdbcNodeLease(DataSource dataSource, int nodeId, String holder, Duration renewEvery) {
        this.dataSource = dataSource;
        this.nodeId = nodeId;
        this.holder = holder;
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("riskpulse-node-lease").daemon().factory());
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Claims {@code requested}, or the lowest free id when empty.
     *
     * @throws IllegalStateException naming the holder when the requested id is held by a live engine, or when all
     *                               {@value #NODE_IDS} ids are
     */
    public static JdbcNodeLease claim(DataSource dataSource, OptionalInt requested) {
        return claim(dataSource, requested, RENEW_EVERY);
    }

    static JdbcNodeLease claim(DataSource dataSource, OptionalInt requested, Duration renewEvery) {
        String holder = thisProcess();
        if (requested.isPresent()) {
            int id = requested.getAsInt();
            String heldBy = tryClaim(dataSource, id, holder);
            if (heldBy != null) {
                throw new IllegalStateException("NODE_ID=" + id + " is in use by another running RiskPulse on this database ("
                        + heldBy + "): give each server sharing a database its own NODE_ID (0-1023), or leave NODE_ID unset "
                        + "to take a free one");
            }
            return started(dataSource, id, holder, renewEvery);
        }
        for (int id = 0; id < NODE_IDS; id++) {
            if (tryClaim(dataSource, id, holder) == null) return started(dataSource, id, holder, renewEvery);
        }
        throw new IllegalStateException("all " + NODE_IDS + " node ids are held by running engines on this database");
    }

    private static JdbcNodeLease started(DataSource dataSource, int id, String holder, Duration renewEvery) {
        log.info("node id {} claimed ({})", id, holder);
        return new JdbcNodeLease(dataSource, id, holder, renewEvery);
    }

    /** Null when {@code holder} now holds {@code id}; otherwise who does, for the message. */
    private static String tryClaim(DataSource dataSource, int id, String holder) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String current = null;
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT holder, CASE WHEN renewed_at < " + STALE + " THEN 1 ELSE 0 END FROM node_leases WHERE node_id = ?")) {
                    s.setInt(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) current = r.getString(1) + (r.getInt(2) == 1 ? " (stale)" : "");
                    }
                }
                boolean claimed;
                if (current == null) {
                    claimed = insert(c, id, holder);
                } else {
                    // only a stale lease (or our own) is taken over; the condition is checked again under the row lock
                    try (PreparedStatement s = c.prepareStatement("UPDATE node_leases SET holder = ?, started_at = CURRENT_TIMESTAMP, "
                            + "renewed_at = CURRENT_TIMESTAMP WHERE node_id = ? AND (holder = ? OR renewed_at < " + STALE + ")")) {
                        s.setString(1, holder);
                        s.setInt(2, id);
                        s.setString(3, holder);
                        claimed = s.executeUpdate() == 1;
                    }
                    if (claimed) log.warn("node id {} taken over from an engine that stopped renewing it: {}", id, current);
                }
                if (claimed) {
                    c.commit();
                    return null;
                }
                c.rollback(); // PostgreSQL: a failed insert has aborted the transaction
                return current == null ? "claimed a moment ago by another engine" : current;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("claiming node id " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** False when another engine inserted the same id first (a unique violation): it holds it. */
    private static boolean insert(Connection c, int id, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO node_leases (node_id, holder, started_at, renewed_at) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            s.setInt(1, id);
            s.setString(2, holder);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) return false;
            throw e;
        }
    }

    public int nodeId() {
        return nodeId;
    }

    /** False once another engine took the id over while this one did not renew it (a long pause, a lost database). */
    public boolean held() {
        return !lost;
    }

    void renew() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE node_leases SET renewed_at = CURRENT_TIMESTAMP WHERE node_id = ? AND holder = ?")) {
            s.setInt(1, nodeId);
            s.setString(2, holder);
            if (s.executeUpdate() == 0 && !lost) {
                lost = true;
                log.error("node id {} was taken over by another engine while this one did not renew it: assessment ids may "
                        + "collide with that engine's; restart this server", nodeId);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("renewing node id {} failed (retrying in {} s): {}", nodeId, RENEW_EVERY.toSeconds(), e.getMessage());
        }
    }

    /** Stops renewing and frees the id for the next engine. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM node_leases WHERE node_id = ? AND holder = ?")) {
            s.setInt(1, nodeId);
            s.setString(2, holder);
            s.executeUpdate();
        } catch (SQLException e) {
            log.warn("releasing node id {} failed; it frees itself after {} s: {}", nodeId, STALE_AFTER.toSeconds(), e.getMessage());
        }
    }

    private static String thisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown host";
        }
        byte[] tag = new byte[4];
        ThreadLocalRandom.current().nextBytes(tag);
        return host + ", pid " + ProcessHandle.current().pid() + ", " + HexFormat.of().formatHex(tag);
    }
}
