package com.riskpulse.desktop.remote;

import com.riskpulse.engine.alert.AlertQuery;
import com.riskpulse.engine.assessment.HistoryQuery;
import com.riskpulse.engine.audit.AuditQuery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds a path with query parameters, leaving out the absent ones (the server's defaults then apply). */
final class QueryString {

    private final StringBuilder path;
    private boolean first = true;

    private QueryString(String path) {
        this.path = new StringBuilder(path);
    }

    static QueryString of(String path) {
        return new QueryString(path);
    }

    /** {@code GET /risk/history}: the parameter names of the server's RiskController. */
    static String history(HistoryQuery q) {
        return of("/risk/history").add("entity_id", q.entityId()).addEnums("level", q.levels())
                .add("min_score", q.minScore()).add("max_score", q.maxScore()).add("from", q.from()).add("to", q.to())
                .add("cursor", q.beforeId()).add("limit", q.limit()).toString();
    }

    /** {@code GET /alerts}; {@code time_field} says which time {@code from}/{@code to} apply to. */
    static String alerts(AlertQuery q) {
        return of("/alerts").addEnums("status", q.statuses()).addEnums("severity", q.severities())
                .add("entity_id", q.entityId()).add("assignee", q.assignee()).add("from", q.from()).add("to", q.to())
                .add("time_field", q.timeField() == AlertQuery.TimeField.LAST_SEEN ? null : q.timeField().name().toLowerCase(java.util.Locale.ROOT))
                .add("cursor", q.beforeId()).add("limit", q.limit()).toString();
    }

    /** {@code GET /audit/logs}. */
    static String audit(AuditQuery q) {
        return of("/audit/logs").add("actor", q.actorName()).addEnums("action", q.actions())
                .add("target", q.target()).add("target_prefix", q.targetPrefix()).add("from", q.from()).add("to", q.to())
                .add("cursor", q.beforeSeq()).add("limit", q.limit()).toString();
    }

    QueryString add(String name, Object value) {
        if (value == null) return this;
        String text = value.toString();
        if (text.isBlank()) return this;
        path.append(first ? '?' : '&').append(name).append('=').append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        first = false;
        return this;
    }

    /** Enum values comma-separated in lower case, as the server reads them. */
    QueryString addEnums(String name, Collection<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) return this;
        return add(name, values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(",")));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
