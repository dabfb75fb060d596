package com.riskpulse.engine.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * An open, migrated database: a HikariCP pool built from {@link DatabaseSettings}, with every Flyway
 * migration under {@code db/migration} applied (the same files on H2 and PostgreSQL). Close it to close
 * the pool.
 */
public final class Database implements AutoCloseable {

    /** Where the shared migrations live; every module's tables are migrated in one history. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final HikariDataSource dataSource;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dialect = settings.dialect();
        this.dataSource = dataSource;
    }

    /**
     * Connects and migrates. Fails with a {@link StorageException} that names the database (never its
     * password) when it cannot be reached or a migration fails.
     */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = settings.dialect();
        HikariConfig config = new HikariConfig();
        config.setPoolName("riskpulse-db");
        config.setDriverClassName(dialect.driverClassName());
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        // Flyway holds a lock on one connection while it migrates on another: a pool of one would deadlock
        config.setMaximumPoolSize(Math.max(2, settings.poolSize()));
        // startup should fail fast and clearly, not hang for the default 30 s per attempt
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (dialect == Dialect.H2 && heldByAnotherProcess(e)) {
                throw new StorageException("the database " + settings.displayUrl() + " is in use by another RiskPulse process "
                        + "(a console or a server on this data folder): close it, or set RISKPULSE_DATA_DIR to another folder", e);
            }
            throw new StorageException("cannot open database " + settings.displayUrl() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
            dataSource.getHikariConfigMXBean().setMaximumPoolSize(settings.poolSize());
        } catch (FlywayException e) {
            dataSource.close();
            throw new StorageException("cannot migrate database " + settings.displayUrl() + ": "
                    + DatabaseUrls.redact(String.valueOf(e.getMessage())), e);
        }
        return new Database(settings, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** H2 refuses a file another process has open with error 90020 (DATABASE_ALREADY_OPEN). */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) return true;
        }
        return false;
    }

    /** Whether the database answers a validity check within two seconds (health endpoints, status bar). */
    public boolean answers() {
        try (Connection c = dataSource().getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    /** Closes the pool; an in-memory H2 database is dropped with it. */
    @Override
    public void close() {
        if (dataSource.isClosed()) return;
        if (dialect == Dialect.H2 && settings.jdbcUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
            // DB_CLOSE_DELAY=-1 keeps it alive past the last connection, so free its memory explicitly
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already gone: nothing left to free
            }
        }
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Database[" + settings.displayUrl() + "]";
    }

    /** The driver's own words (e.g. "Connection to host:5432 refused"), which the pool wraps. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return DatabaseUrls.redact(message);
    }
}
