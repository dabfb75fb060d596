package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What {@link JdbcNodeLease} must guarantee on each database: no two live engines ever hold one node id, an id comes
 * free when its holder closes or stops renewing, and a holder that lost its id knows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NodeLeaseContract {

    private static final Duration NEVER = Duration.ofHours(1);

    private TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    private DataSource dataSource;
    private final List<JdbcNodeLease> leases = new ArrayList<>();

    protected abstract TestDatabases.Scratch openDatabase();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test, so the reason shows
            return;
        }
        dataSource = db.database().dataSource();
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        if (unavailable != null) throw unavailable;
        sql("DELETE FROM node_leases");
    }

    @AfterEach
    void release() {
        leases.forEach(JdbcNodeLease::close);
        leases.clear();
    }

    private JdbcNodeLease claim(OptionalInt id, Duration renewEvery) {
        JdbcNodeLease lease = JdbcNodeLease.claim(dataSource, id, renewEvery);
        leases.add(lease);
        return lease;
    }

    @Test
    void withoutARequestEachEngineTakesTheLowestFreeIdAndAClosedOneFreesIt() {
        JdbcNodeLease first = claim(OptionalInt.empty(), NEVER);
        JdbcNodeLease second = claim(OptionalInt.empty(), NEVER);
        assertThat(first.nodeId()).isZero();
        assertThat(second.nodeId()).isEqualTo(1);
        first.close();
        assertThat(claim(OptionalInt.empty(), NEVER).nodeId()).isZero();
    }

    @Test
    void aRequestedIdHeldByALiveEngineIsRefusedNamingItsHolder() {
        claim(OptionalInt.of(5), NEVER);
        assertThatThrownBy(() -> claim(OptionalInt.of(5), NEVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("NODE_ID=5 is in use by another running RiskPulse on this database (")
                .hasMessageContaining("pid " + ProcessHandle.current().pid())
                .hasMessageEndingWith("give each server sharing a database its own NODE_ID (0-1023), or leave NODE_ID unset to take a free one");
        assertThat(claim(OptionalInt.of(6), NEVER).nodeId()).isEqualTo(6);
    }

    @Test
    void aStaleIdIsTakenOverAndItsFormerHolderLearnsItLostIt() throws SQLException {
        JdbcNodeLease crashed = claim(OptionalInt.of(3), NEVER); // stops renewing, as a hung or killed server does
        sql("UPDATE node_leases SET renewed_at = renewed_at - INTERVAL '1' HOUR WHERE node_id = 3");

        JdbcNodeLease successor = claim(OptionalInt.of(3), NEVER);
        assertThat(successor.nodeId()).isEqualTo(3);
        assertThat(crashed.held()).isTrue();
        crashed.renew();
        assertThat(crashed.held()).as("the old holder finds its lease gone").isFalse();

        crashed.close(); // must not free the successor's id
        assertThatThrownBy(() -> claim(OptionalInt.of(3), NEVER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRunningHolderRenewsItsLeaseSoItNeverGoesStale() throws SQLException {
        claim(OptionalInt.of(9), Duration.ofMillis(50));
        sql("UPDATE node_leases SET renewed_at = renewed_at - INTERVAL '1' HOUR WHERE node_id = 9");
        await().atMost(Duration.ofSeconds(10)).until(() -> freshLeases(9) == 1);
        assertThatThrownBy(() -> claim(OptionalInt.of(9), NEVER)).isInstanceOf(IllegalStateException.class);
    }

    private int freshLeases(int nodeId) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM node_leases WHERE node_id = " + nodeId
                     + " AND renewed_at > CURRENT_TIMESTAMP - INTERVAL '" + JdbcNodeLease.STALE_AFTER.toSeconds() + "' SECOND")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void enginesStartingTogetherGetDistinctIds() throws Exception {
        int engines = 8;
        CyclicBarrier together = new CyclicBarrier(engines);
        ExecutorService pool = Executors.newFixedThreadPool(engines);
        try {
            List<Future<JdbcNodeLease>> claims = new ArrayList<>();
            for (int i = 0; i < engines; i++) {
                Callable<JdbcNodeLease> c = () -> {
                    together.await();
                    return JdbcNodeLease.claim(dataSource, OptionalInt.empty(), NEVER);
                };
                claims.add(pool.submit(c));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<JdbcNodeLease> f : claims) {
                JdbcNodeLease lease = f.get();
                leases.add(lease);
                ids.add(lease.nodeId());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(engines);
        } finally {
            pool.shutdownNow();
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
