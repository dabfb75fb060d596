package com.riskpulse.engine.config;

import com.riskpulse.engine.config.ConfigVersions.SaveOutcome;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ConfigVersions} must do, run against each database by a small subclass. Each
 * subclass gets a fresh database; each test starts from an empty table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConfigVersionsContract {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    protected ConfigVersions versions;

    protected abstract TestDatabases.Scratch openDatabase();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test, so the reason shows
            return;
        }
        versions = new JdbcConfigVersions(db.database().dataSource());
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTable() throws SQLException {
        if (unavailable != null) Assumptions.abort(unavailable.getMessage());
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM config_versions");
        }
    }

    private static ConfigDocument doc(double high, String by) {
        return ConfigDocument.defaults().withHighThreshold(high).stored(0, T0, by, "high " + high);
    }

    @Test
    void nothingIsStoredAtFirst() {
        assertThat(versions.current()).isEmpty();
        assertThat(versions.history(10)).isEmpty();
    }

    @Test
    void savesNumberVersionsOneByOneAndTheHighestIsCurrent() {
        assertThat(versions.save(doc(0.8, "system"), 0)).isInstanceOf(SaveOutcome.Saved.class);
        SaveOutcome second = versions.save(doc(0.7, "admin"), 1);

        assertThat(second).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(((SaveOutcome.Saved) second).document().version()).isEqualTo(2);
        ConfigDocument current = versions.current().orElseThrow();
        assertThat(current).isEqualTo(doc(0.7, "admin").withVersion(2));
        assertThat(current.comment()).isEqualTo("high 0.7");
        assertThat(versions.byVersion(1).orElseThrow().thresholds().high()).isEqualTo(0.8);
        assertThat(versions.history(10)).extracting(ConfigDocument::version).containsExactly(2, 1);
        assertThat(versions.history(1)).extracting(ConfigDocument::version).containsExactly(2);
    }

    @Test
    void savingOnAnOutdatedVersionIsAConflictAndStoresNothing() {
        versions.save(doc(0.8, "system"), 0);
        versions.save(doc(0.7, "alice"), 1);

        SaveOutcome late = versions.save(doc(0.6, "bob"), 1);

        assertThat(late).isEqualTo(new SaveOutcome.Conflict(1, 2));
        assertThat(versions.current().orElseThrow().createdBy()).isEqualTo("alice");
        assertThat(versions.history(10)).hasSize(2);
    }

    @Test
    void ofManyConcurrentSavesOnTheSameVersionExactlyOneWins() throws Exception {
        versions.save(doc(0.8, "system"), 0);
        int admins = 8;
        CyclicBarrier start = new CyclicBarrier(admins);
        ExecutorService pool = Executors.newFixedThreadPool(admins);
        try {
            List<Future<SaveOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < admins; i++) {
                String admin = "admin-" + i;
                Callable<SaveOutcome> save = () -> {
                    start.await();
                    return versions.save(doc(0.7, admin), 1);
                };
                outcomes.add(pool.submit(save));
            }
            List<SaveOutcome> results = new ArrayList<>();
            for (Future<SaveOutcome> f : outcomes) results.add(f.get());

            assertThat(results).filteredOn(SaveOutcome.Saved.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(SaveOutcome.Conflict.class::isInstance).hasSize(admins - 1)
                    .allSatisfy(o -> assertThat(o).isEqualTo(new SaveOutcome.Conflict(1, 2)));
            assertThat(versions.history(10)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
