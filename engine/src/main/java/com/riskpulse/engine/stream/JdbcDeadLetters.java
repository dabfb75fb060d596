package com.riskpulse.engine.stream;

import com.riskpulse.engine.event.Rejection;
import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Dead letters in the {@code dead_letters} table, with plain JDBC. Rejections are rare next to
 * assessments, so each is written on its own. Times are kept to the microsecond (PostgreSQL's resolution).
 */
public final class JdbcDeadLetters implements DeadLetters {

    private static final String INSERT =
            "INSERT INTO dead_letters (source, event_id, field, reason, input, at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String LATEST =
            "SELECT source, event_id, field, reason, input, at FROM dead_letters ORDER BY id DESC LIMIT ?";

    private final DataSource dataSource;

    public JdbcDeadLetters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcDeadLetters(Database database) {
        this(database.dataSource());
    }

    @Override
    public void store(DeadLetter letter) {
        Rejection r = letter.rejection();
        // a letter must never be lost for want of a timestamp
        Instant at = letter.at() == null ? Instant.now() : letter.at();
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(INSERT)) {
            p.setString(1, letter.source());
            p.setString(2, r == null ? null : r.eventId());
            p.setString(3, r == null ? null : r.field());
            p.setString(4, r == null ? null : r.reason());
            p.setString(5, r == null ? null : r.input());
            p.setObject(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            p.executeUpdate();
        } catch (SQLException e) {
            throw StorageException.of("storing a dead letter from " + letter.source(), e);
        }
    }

    @Override
    public List<DeadLetter> latest(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(LATEST)) {
            p.setInt(1, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Rejection rejection = new Rejection(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    letters.add(new DeadLetter(rs.getString(1), rejection, rs.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw StorageException.of("reading dead letters", e);
        }
    }

    @Override
    public long count() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dead_letters")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw StorageException.of("counting dead letters", e);
        }
    }
}
