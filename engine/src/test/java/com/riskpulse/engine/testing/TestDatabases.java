package com.riskpulse.engine.testing;

import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.DatabaseSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests: an in-memory H2, or a schema of its own in a real PostgreSQL.
 *
 * <p>PostgreSQL comes from {@value #PG_URL_ENV} (any form {@link DatabaseSettings#parse} accepts), by
 * default {@value #DEFAULT_PG_URL}. Each call creates a randomly named schema and drops it on close, so
 * parallel and repeated runs do not meet. When PostgreSQL cannot be reached the test is aborted (reported
 * as skipped) with the reason, except under {@code CI=true}, where it fails: CI must not pass by skipping.
 */
public final class TestDatabases {

    public static final String PG_URL_ENV = "RISKPULSE_TEST_PG_URL";
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/riskpulse_test?user=postgres";
    private static final int POOL_SIZE = 4;

    /** Why PostgreSQL is unusable, remembered so later test classes do not wait for the same timeout. */
    private static volatile String unreachable;

    private TestDatabases() {
    }

    /** A migrated database and whatever must be undone after it; closing does both. */
    public record Scratch(String name, Database database, Runnable cleanup) implements AutoCloseable {

        /** A DATABASE_URL for this scratch database, user included, for code that opens its own pool on it. */
        public String databaseUrl() {
            String url = database.settings().jdbcUrl();
            String user = database.settings().user();
            return user == null || url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + user;
        }
        @Override
        public void close() {
            try {
                database.close();
            } finally {
                cleanup.run();
            }
        }
    }

    /** A new, empty, migrated in-memory H2 database (PostgreSQL mode), dropped on close. */
    public static Scratch h2() {
        String name = "rp_test_" + random();
        return new Scratch(name, Database.open(DatabaseSettings.parse("jdbc:h2:mem:" + name, POOL_SIZE)), () -> {});
    }

    /** A new, migrated schema in the test PostgreSQL, dropped on close; aborts or fails the test when unreachable. */
    public static Scratch postgres() {
        String url = System.getenv().getOrDefault(PG_URL_ENV, DEFAULT_PG_URL);
        DatabaseSettings admin = DatabaseSettings.parse(url, POOL_SIZE);
        if (unreachable != null) unavailable(unreachable, null);
        String schema = "rp_test_" + random();
        try {
            execute(admin, "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            unreachable = "PostgreSQL at " + admin.displayUrl() + " is not usable (" + e.getMessage() + ")";
            unavailable(unreachable, e);
        }
        Runnable drop = () -> {
            try {
                execute(admin, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema + ": " + e.getMessage(), e);
            }
        };
        DatabaseSettings scoped = new DatabaseSettings(admin.jdbcUrl() + "&currentSchema=" + schema,
                admin.user(), admin.password(), POOL_SIZE);
        try {
            return new Scratch(schema, Database.open(scoped), drop);
        } catch (RuntimeException e) {
            drop.run();
            throw e;
        }
    }

    private static void execute(DatabaseSettings settings, String sql) throws SQLException {
        Properties properties = new Properties();
        if (settings.user() != null) properties.setProperty("user", settings.user());
        if (settings.password() != null) properties.setProperty("password", settings.password());
        properties.setProperty("connectTimeout", "5"); // seconds: an absent server should not stall the build
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), properties); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void unavailable(String reason, Throwable cause) {
        String message = reason + ". Start PostgreSQL or point " + PG_URL_ENV + " at one"
                + " (e.g. psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE riskpulse_test').";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " CI=true: failing instead of skipping.", cause);
        }
        Assumptions.abort(message);
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }
}
