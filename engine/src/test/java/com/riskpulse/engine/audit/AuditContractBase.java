package com.riskpulse.engine.audit;

import com.riskpulse.engine.testing.MutableClock;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static com.riskpulse.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up shared by the audit contracts: a fresh database per test class (from the subclass), a
 * {@link JdbcAuditLog} on a clock the test sets, and an empty log before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditContractBase {

    static final Actor ADMIN = new Actor(1, "alice", Role.ADMIN, Origin.CONSOLE);
    static final Actor ANALYST = new Actor(2, "bob", Role.ANALYST, Origin.API);
    static final Actor VIEWER = new Actor(3, "carol", Role.VIEWER, Origin.API);

    protected TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    protected final MutableClock clock = new MutableClock(T0);
    protected JdbcAuditLog audit;

    /** A fresh, migrated database for this class; closed after its last test. */
    protected abstract TestDatabases.Scratch openDatabase();

    /**
     * A second, independent pool on the same database, as another server process would have, or null where
     * a database is private to one process (embedded H2).
     */
    protected abstract Database openSecondPool(Database first);

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test: Surefire shows a class-level abort as "0 tests", hiding why
            return;
        }
        audit = new JdbcAuditLog(db.database(), clock);
    }

    @AfterAll
    void close() {
        if (db != null) db.close();
    }

    /** Test-only SQL: the code itself never deletes from audit_log. */
    @BeforeEach
    void emptyLog() throws SQLException {
        if (unavailable != null) Assumptions.abort(unavailable.getMessage());
        clock.set(T0);
        sql("DELETE FROM audit_log");
        sql("UPDATE audit_chain_head SET seq = 0, hash = '" + AuditHashing.GENESIS + "' WHERE id = 1");
    }

    protected void sql(String statement) throws SQLException {
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    AuditEntry bySeq(long seq) {
        return only(audit.query(ADMIN, AuditQuery.all(1).after(seq + 1)));
    }

    static AuditEntry only(AuditPage page) {
        assertThat(page.entries()).hasSize(1);
        return page.entries().getFirst();
    }
}
