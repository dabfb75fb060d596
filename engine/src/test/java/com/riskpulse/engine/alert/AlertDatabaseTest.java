package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.MutableClock;
import com.riskpulse.engine.assessment.Assessment;
import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.score.RiskLevel;
import com.riskpulse.engine.testing.Fixtures;
import com.riskpulse.engine.testing.RecordingAuditLog;
import com.riskpulse.engine.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.riskpulse.engine.testing.Fixtures.T0;

/**
 * The database half of the alert contracts: one fresh database per subclass (H2 or PostgreSQL), empty
 * alert tables before each test, the real {@link HibernateAlerts}, an {@link AlertService} with a clock
 * the test moves, and one-line helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertDatabaseTest {

    static final Actor ANALYST = new Actor(2, "ana", Role.ANALYST, Origin.CONSOLE);
    static final Actor OTHER_ANALYST = new Actor(3, "bob", Role.ANALYST, Origin.API);
    static final Actor VIEWER = new Actor(4, "vic", Role.VIEWER, Origin.API);

    private TestDatabases.Scratch db;
    private TestAbortedException unavailable;
    protected HibernateAlerts alerts;
    protected MutableClock clock;
    protected RecordingAuditLog audit;
    protected AlertFeed feed;
    protected AlertService service;

    /** A fresh, migrated database for this class; closed after its last test. */
    protected abstract TestDatabases.Scratch openDatabase();

    @BeforeAll
    void open() {
        try {
            db = openDatabase();
        } catch (TestAbortedException e) {
            unavailable = e; // re-raised per test: a class-level abort shows as "0 tests", hiding why
            return;
        }
        alerts = HibernateAlerts.open(db.database());
    }

    @AfterAll
    void close() {
        if (alerts != null) alerts.close();
        if (db != null) db.close();
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        if (unavailable != null) throw unavailable;
        try (Connection c = db.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM alert_events");
            s.execute("DELETE FROM alerts");
        }
        clock = new MutableClock(T0.plusSeconds(3_600));
        audit = new RecordingAuditLog();
        feed = new AlertFeed();
        service = new AlertService(alerts, audit, feed, clock);
    }

    protected Connection connection() throws SQLException {
        return db.database().dataSource().getConnection();
    }

    /** A scored assessment of {@code entity} at event time {@code at}. */
    static Assessment assessment(String entity, RiskLevel level, double score, Instant at) {
        return Fixtures.assessmentBuilder(Fixtures.event(entity, at)).scored(score, level).build();
    }

    /** An OPEN alert of {@code entity}, raised by one HIGH assessment at {@code createdAt}, written directly. */
    protected Alert raise(String entity, RiskLevel level, Instant createdAt) {
        List<AlertChange> changes = alerts.record(AlertPolicy.NAME, List.of(assessment(entity, level, 0.9, createdAt)), Map.of(), createdAt);
        return changes.getFirst().alert();
    }

    protected Alert raise(String entity) {
        return raise(entity, RiskLevel.HIGH, clock.instant());
    }

    protected Alert reload(long id) {
        return alerts.get(id).orElseThrow().alert();
    }
}
