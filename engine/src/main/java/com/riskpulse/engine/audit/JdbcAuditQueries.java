package com.riskpulse.engine.audit;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;
import com.riskpulse.engine.storage.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Reads pages of {@code audit_log} for {@link JdbcAuditLog#query}: filters in SQL, newest first, paged by seq. */
final class JdbcAuditQueries {

    /** The escape character for LIKE: a prefix such as {@code user_1} must not match {@code userX1}. */
    private static final char ESCAPE = '!';

    private JdbcAuditQueries() {
    }

    static AuditPage page(DataSource dataSource, AuditQuery q) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "").setEmptyValue("");
        List<Object> parameters = new ArrayList<>();
        if (q.actorName() != null) {
            where.add("actor_name = ?");
            parameters.add(q.actorName());
        }
        if (!q.actions().isEmpty()) {
            StringJoiner in = new StringJoiner(", ", "action IN (", ")");
            q.actions().stream().map(Enum::name).sorted().forEach(a -> {
                in.add("?");
                parameters.add(a);
            });
            where.add(in.toString());
        }
        if (q.target() != null) {
            where.add("target = ?");
            parameters.add(q.target());
        }
        if (q.targetPrefix() != null) {
            where.add("target LIKE ? ESCAPE '" + ESCAPE + "'");
            parameters.add(escapeLike(q.targetPrefix()) + "%");
        }
        if (q.from() != null) {
            where.add("at >= ?");
            parameters.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.add("at < ?");
            parameters.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.beforeSeq() != null) {
            where.add("seq < ?");
            parameters.add(q.beforeSeq());
        }
        // one row more than asked tells whether another page follows
        String sql = "SELECT " + JdbcAuditLog.COLUMNS + " FROM audit_log" + where + " ORDER BY seq DESC LIMIT ?";
        parameters.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) p.setObject(i + 1, parameters.get(i));
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) entries.add(entry(rs));
            }
            boolean more = entries.size() > q.limit();
            List<AuditEntry> page = more ? entries.subList(0, q.limit()) : entries;
            return new AuditPage(page, more ? page.getLast().seq() : null);
        } catch (SQLException e) {
            throw StorageException.of("reading the audit log", e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        AuditHashing.Content row = JdbcAuditLog.content(rs);
        Actor actor = new Actor(row.actorId(), row.actorName(), Role.valueOf(row.role()), Origin.valueOf(row.origin()));
        return new AuditEntry(row.seq(), row.at(), actor, AuditAction.valueOf(row.action()), row.target(),
                AuditHashing.parseDetails(row.canonicalDetails()), row.prevHash(), rs.getString(11));
    }

    private static String escapeLike(String prefix) {
        StringBuilder out = new StringBuilder(prefix.length() + 4);
        for (char ch : prefix.toCharArray()) {
            if (ch == '%' || ch == '_' || ch == ESCAPE) out.append(ESCAPE);
            out.append(ch);
        }
        return out.toString();
    }
}
