package com.riskpulse.engine.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.event.Channel;
import com.riskpulse.engine.event.EventStatus;
import com.riskpulse.engine.event.EventType;
import com.riskpulse.engine.event.RiskEvent;
import com.riskpulse.engine.feature.Feature;
import com.riskpulse.engine.feature.FeatureVector;
import com.riskpulse.engine.score.Contribution;
import com.riskpulse.engine.score.RiskLevel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an {@link Assessment} maps to a row of {@code assessments} and back: the column list, parameter
 * binding for inserts, COPY text lines, and reading a row. The flat columns exist for filtering and
 * reporting; the JSON columns are what an assessment is rebuilt from.
 */
final class JdbcAssessmentRows {

    static final String COLUMNS = "id, event_id, entity_id, event_time, scored_at, event_type, amount, currency, "
            + "country, channel, merchant_id, merchant_category, device_id, ip, status, attributes_json, score, level, "
            + "config_version, model_version, late, features_json, contributions_json, rules_fired";
    static final int COLUMN_COUNT = COLUMNS.split(",").length;
    static final String SELECT = "SELECT " + COLUMNS + " FROM assessments";
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> RULES = new TypeReference<>() {};

    private JdbcAssessmentRows() {
    }

    /** Binds {@code a} to the {@link #COLUMN_COUNT} parameters starting at {@code first}. */
    static void bind(PreparedStatement p, int first, Assessment a) throws SQLException {
        RiskEvent e = a.event();
        int i = first;
        p.setLong(i++, a.id());
        p.setString(i++, e.eventId());
        p.setString(i++, e.entityId());
        p.setObject(i++, utc(e.timestamp()));
        p.setObject(i++, utc(a.scoredAt()));
        p.setString(i++, e.type().name());
        if (e.hasAmount()) p.setDouble(i++, e.amount()); else p.setNull(i++, Types.DOUBLE);
        p.setString(i++, e.currency());
        p.setString(i++, e.country());
        p.setString(i++, e.channel() == null ? null : e.channel().name());
        p.setString(i++, e.merchantId());
        p.setString(i++, e.merchantCategory());
        p.setString(i++, e.deviceId());
        p.setString(i++, e.ip());
        p.setString(i++, e.status() == null ? null : e.status().name());
        p.setString(i++, attributesJson(e.attributes()));
        p.setDouble(i++, a.score());
        p.setString(i++, a.level().name());
        p.setInt(i++, a.configVersion());
        p.setString(i++, a.modelVersion());
        p.setBoolean(i++, a.late());
        p.setString(i++, featuresJson(a.features()));
        p.setString(i++, contributionsJson(a.contributions()));
        p.setString(i, json(a.rulesFired()));
    }

    /** Appends {@code a} as one line of PostgreSQL COPY text format, columns in {@link #COLUMNS} order. */
    static void appendCopyLine(StringBuilder out, Assessment a) {
        RiskEvent e = a.event();
        out.append(a.id()).append('\t');
        text(out, e.eventId()).append('\t');
        text(out, e.entityId()).append('\t');
        out.append(e.timestamp()).append('\t').append(a.scoredAt()).append('\t');
        out.append(e.type().name()).append('\t');
        if (e.hasAmount()) out.append(e.amount()); else out.append("\\N");
        out.append('\t');
        text(out, e.currency()).append('\t');
        text(out, e.country()).append('\t');
        text(out, e.channel() == null ? null : e.channel().name()).append('\t');
        text(out, e.merchantId()).append('\t');
        text(out, e.merchantCategory()).append('\t');
        text(out, e.deviceId()).append('\t');
        text(out, e.ip()).append('\t');
        text(out, e.status() == null ? null : e.status().name()).append('\t');
        text(out, attributesJson(e.attributes())).append('\t');
        out.append(a.score()).append('\t').append(a.level().name()).append('\t').append(a.configVersion()).append('\t');
        text(out, a.modelVersion()).append('\t');
        out.append(a.late() ? 't' : 'f').append('\t');
        text(out, featuresJson(a.features())).append('\t');
        text(out, contributionsJson(a.contributions())).append('\t');
        text(out, json(a.rulesFired())).append('\n');
    }

    /** Rebuilds the assessment from a row of {@link #SELECT}; the event was validated when it came in. */
    static Assessment read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        try {
            double amount = rs.getDouble(7);
            if (rs.wasNull()) amount = Double.NaN;
            String attributes = rs.getString(16);
            RiskEvent event = new RiskEvent(rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                    EventType.valueOf(rs.getString(6)), amount, rs.getString(8), enumOrNull(Channel.class, rs.getString(10)),
                    rs.getString(11), rs.getString(12), rs.getString(9), rs.getString(13), rs.getString(14),
                    enumOrNull(EventStatus.class, rs.getString(15)), attributes == null ? Map.of() : JSON.readValue(attributes, ATTRIBUTES));
            return new Assessment(id, event, rs.getDouble(17), RiskLevel.valueOf(rs.getString(18)),
                    features(JSON.readTree(rs.getString(22))),
                    contributions(JSON.readTree(rs.getString(23))),
                    JSON.readValue(rs.getString(24), RULES),
                    rs.getInt(19), rs.getString(20), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getBoolean(21));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON of assessment " + id + " is unreadable: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored assessment " + id + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Null for no attributes, so the common case costs no bytes. */
    static String attributesJson(Map<String, String> attributes) {
        return attributes.isEmpty() ? null : json(attributes);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * {@code {"count_1m":3.0,...}} in {@link Feature} order, written by hand because it runs for every stored
     * row and the names are fixed identifiers that need no escaping; NaN and infinities go as strings, as
     * Jackson writes them.
     */
    static String featuresJson(FeatureVector features) {
        StringBuilder json = new StringBuilder(24 * Feature.count()).append('{');
        boolean first = true;
        for (int i = 0; i < Feature.count(); i++) {
            Feature f = Feature.at(i);
            double v = features.get(f);
            if (Double.doubleToRawLongBits(v) == 0L) continue; // +0.0 (not -0.0): most features, most events; reads back as 0
            json.append(first ? "\"" : ",\"").append(f.wireName()).append("\":");
            if (Double.isFinite(v)) json.append(v); else json.append('"').append(v).append('"');
            first = false;
        }
        return json.append('}').toString();
    }

    /** Unknown names are skipped so rows written before a feature was retired stay readable. */
    private static FeatureVector features(JsonNode byName) {
        double[] values = new double[Feature.count()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = byName.get(Feature.at(i).wireName());
            if (v != null) values[i] = number(v);
        }
        return FeatureVector.wrap(values);
    }

    /** Written field by field: the stored shape must not change when Contribution gains a derived getter. */
    private static String contributionsJson(List<Contribution> contributions) {
        // by hand, like the features: names are feature wire names and rule:<name>, identifiers needing no escapes
        StringBuilder json = new StringBuilder(64 * contributions.size() + 2).append('[');
        for (Contribution c : contributions) {
            if (json.length() > 1) json.append(',');
            json.append("{\"name\":\"").append(c.name()).append("\",\"value\":");
            number(json, c.value()).append(",\"contribution\":");
            number(json, c.contribution()).append('}');
        }
        return json.append(']').toString();
    }

    private static StringBuilder number(StringBuilder json, double v) {
        return Double.isFinite(v) ? json.append(v) : json.append('"').append(v).append('"');
    }

    private static List<Contribution> contributions(JsonNode array) {
        List<Contribution> contributions = new ArrayList<>(array.size());
        for (JsonNode c : array) {
            contributions.add(new Contribution(c.get("name").asText(), number(c.get("value")), number(c.get("contribution"))));
        }
        return contributions;
    }

    /** Jackson writes NaN and infinities as strings; read them back as numbers. */
    private static double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e); // a list of strings: cannot happen
        }
    }

    /** COPY text format: backslash escapes for the separators, {@code \N} for null. */
    private static StringBuilder text(StringBuilder out, String s) {
        if (s == null) return out.append("\\N");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out;
    }
}
