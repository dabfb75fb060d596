package com.riskpulse.engine.config;

import com.riskpulse.engine.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConfigVersions} in table {@code config_versions} (V6), with plain JDBC: a handful of rows, read
 * whole, where an ORM would add nothing. The expected-version check is a read, but the primary key is
 * what decides a race: of two inserts of the same version exactly one succeeds.
 */
public final class JdbcConfigVersions implements ConfigVersions {

    /** SQLSTATE of a unique violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "SELECT document FROM config_versions ";

    private final DataSource dataSource;

    public JdbcConfigVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ConfigDocument> current() {
        List<ConfigDocument> newest = history(1);
        return newest.isEmpty() ? Optional.empty() : Optional.of(newest.getFirst());
    }

    @Override
    public Optional<ConfigDocument> byVersion(int version) {
        List<ConfigDocument> found = query(COLUMNS + "WHERE version = ?", version);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<ConfigDocument> history(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        return query(COLUMNS + "ORDER BY version DESC LIMIT ?", limit);
    }

    @Override
    public SaveOutcome save(ConfigDocument document, int expectedVersion) {
        int next = expectedVersion + 1;
        ConfigDocument stored = document.withVersion(next);
        if (stored.createdAt() == null || stored.createdBy() == null) {
            throw new IllegalArgumentException("a stored configuration needs created_at and created_by");
        }
        try (Connection c = dataSource.getConnection()) {
            int current = currentVersion(c);
            if (current != expectedVersion) return new SaveOutcome.Conflict(expectedVersion, current);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO config_versions (version, document, created_at, created_by, comment) VALUES (?, ?, ?, ?, ?)")) {
                insert.setInt(1, next);
                insert.setString(2, ConfigJson.write(stored));
                insert.setTimestamp(3, Timestamp.from(stored.createdAt()));
                insert.setString(4, stored.createdBy());
                insert.setString(5, stored.comment());
                insert.executeUpdate();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                return new SaveOutcome.Conflict(expectedVersion, currentVersion(c));
            }
            return new SaveOutcome.Saved(stored);
        } catch (SQLException e) {
            throw new StorageException("cannot store configuration version " + next + ": " + e.getMessage(), e);
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM config_versions");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<ConfigDocument> query(String sql, int parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, parameter);
            List<ConfigDocument> documents = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) documents.add(ConfigJson.read(rs.getString(1)));
            }
            return documents;
        } catch (SQLException e) {
            throw new StorageException("cannot read configuration versions: " + e.getMessage(), e);
        }
    }
}
