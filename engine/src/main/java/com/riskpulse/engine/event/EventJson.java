package com.riskpulse.engine.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes events in the wire format (snake_case JSON). Reading never throws: a malformed
 * input becomes a {@link ParseResult.Rejected} that names the field and says what is wrong.
 */
public final class EventJson {

    static final int MAX_ID_LENGTH = 128;
    static final int MAX_TEXT_LENGTH = 256;
    static final int MAX_ATTRIBUTES = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** Parses one JSON document holding one event. */
    public static ParseResult parse(String json) {
        if (json == null || json.isBlank()) {
            return rejected(null, null, "empty input: expected a JSON object", json);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return rejected(null, null, "malformed JSON: " + e.getOriginalMessage(), json);
        }
        return parse(node, json);
    }

    /** Parses an already-read JSON node (one element of an array, say); {@code raw} is kept for dead letters. */
    public static ParseResult parse(JsonNode node, String raw) {
        if (node == null || !node.isObject()) {
            return rejected(null, null, "expected a JSON object, got " + kind(node), raw);
        }
        String eventId = null;
        try {
            eventId = requiredId(node, "event_id");
            String entityId = requiredId(node, "entity_id");
            Instant timestamp = timestamp(node);
            EventType type = enumValue(node, "type", EventType.class, true);
            double amount = amount(node);
            RiskEvent event = new RiskEvent(eventId, entityId, timestamp, type, amount,
                    code(node, "currency", 3),
                    enumValue(node, "channel", Channel.class, false),
                    text(node, "merchant_id"),
                    text(node, "merchant_category"),
                    code(node, "country", 2),
                    text(node, "device_id"),
                    text(node, "ip"),
                    enumValue(node, "status", EventStatus.class, false),
                    attributes(node));
            return new ParseResult.Accepted(event);
        } catch (BadField e) {
            return rejected(eventId, e.field, e.getMessage(), raw);
        }
    }

    /** Writes an event in the wire format; absent fields are left out. */
    public static String write(RiskEvent e) {
        return toNode(e).toString();
    }

    public static ObjectNode toNode(RiskEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event_id", e.eventId());
        n.put("entity_id", e.entityId());
        n.put("timestamp", e.timestamp().toString());
        n.put("type", e.type().name());
        if (e.hasAmount()) n.put("amount", e.amount());
        putIfPresent(n, "currency", e.currency());
        if (e.channel() != null) n.put("channel", e.channel().name());
        putIfPresent(n, "merchant_id", e.merchantId());
        putIfPresent(n, "merchant_category", e.merchantCategory());
        putIfPresent(n, "country", e.country());
        putIfPresent(n, "device_id", e.deviceId());
        putIfPresent(n, "ip", e.ip());
        if (e.status() != null) n.put("status", e.status().name());
        if (!e.attributes().isEmpty()) {
            ObjectNode attributes = n.putObject("attributes");
            e.attributes().forEach(attributes::put);
        }
        return n;
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) n.put(field, value);
    }

    private static String requiredId(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new BadField(field, "is required");
        if (!v.isTextual()) throw new BadField(field, "must be a string, got " + kind(v));
        String s = v.asText().strip();
        if (s.isEmpty()) throw new BadField(field, "must not be empty");
        if (s.length() > MAX_ID_LENGTH) throw new BadField(field, "is longer than " + MAX_ID_LENGTH + " characters");
        return s;
    }

    private static Instant timestamp(JsonNode node) {
        JsonNode v = node.get("timestamp");
        if (v == null || v.isNull()) throw new BadField("timestamp", "is required");
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        if (!v.isTextual()) throw new BadField("timestamp", "must be an ISO-8601 instant such as 2026-11-26T10:15:30Z, got " + kind(v));
        String s = v.asText().strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeException notOffset) {
            try {
                return Instant.parse(s);
            } catch (DateTimeException e) {
                throw new BadField("timestamp", "'" + cut(s) + "' is not an ISO-8601 instant with a zone, such as 2026-11-26T10:15:30Z");
            }
        }
    }

    private static double amount(JsonNode node) {
        JsonNode v = node.get("amount");
        if (v == null || v.isNull()) return Double.NaN;
        double amount;
        if (v.isNumber()) {
            amount = v.asDouble();
        } else if (v.isTextual()) {
            try {
                amount = Double.parseDouble(v.asText().strip());
            } catch (NumberFormatException e) {
                throw new BadField("amount", "'" + cut(v.asText()) + "' is not a number");
            }
        } else {
            throw new BadField("amount", "must be a number, got " + kind(v));
        }
        if (!Double.isFinite(amount)) throw new BadField("amount", "must be a finite number");
        if (amount < 0) throw new BadField("amount", "must not be negative (use type REFUND for money coming back)");
        return amount;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new BadField(field, "is required");
            return null;
        }
        if (!v.isTextual()) throw new BadField(field, "must be a string, got " + kind(v));
        String s = v.asText().strip().toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new BadField(field, "'" + cut(v.asText()) + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isValueNode() || v.isBinary()) throw new BadField(field, "must be a string, got " + kind(v));
        String s = v.asText().strip();
        if (s.length() > MAX_TEXT_LENGTH) throw new BadField(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
        return s.isEmpty() ? null : s;
    }

    private static String code(JsonNode node, String field, int length) {
        String s = text(node, field);
        if (s == null) return null;
        if (s.length() != length || !s.chars().allMatch(Character::isLetter)) {
            throw new BadField(field, "'" + cut(s) + "' is not a " + length + "-letter ISO code");
        }
        return s.toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> attributes(JsonNode node) {
        JsonNode v = node.get("attributes");
        if (v == null || v.isNull()) return Map.of();
        if (!v.isObject()) throw new BadField("attributes", "must be an object of strings, got " + kind(v));
        if (v.size() > MAX_ATTRIBUTES) throw new BadField("attributes", "has more than " + MAX_ATTRIBUTES + " entries");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : v.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isValueNode()) {
                throw new BadField("attributes." + entry.getKey(), "must be a string, number or boolean, got " + kind(value));
            }
            if (!value.isNull()) out.put(entry.getKey(), value.asText());
        }
        return out;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static ParseResult rejected(String eventId, String field, String reason, String raw) {
        return new ParseResult.Rejected(new Rejection(eventId, field, reason, raw));
    }

    /** Internal signal carrying the field name; never leaves this class. */
    private static final class BadField extends RuntimeException {
        final String field;

        BadField(String field, String reason) {
            super(field + " " + reason, null, false, false);
            this.field = field;
        }
    }
}
