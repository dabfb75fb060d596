package com.riskpulse.server.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.riskpulse.engine.score.RiskLevel;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a client's message. The only one is {@code subscribe}, which replaces the whole subscription
 * (an absent field takes its default):
 *
 * <pre>{@code
 * {"type": "subscribe",
 *  "min_level": "medium",             // low | medium | high | critical; absent: from the live-feed floor up
 *  "entity_ids": ["acct-1", "acct-2"], // absent or empty: all entities
 *  "types": ["assessment", "alert"]}   // absent: assessment, alert and stats
 * }</pre>
 *
 * Anything else is answered with an {@link Invalid} outcome, never an exception.
 */
final class SubscriptionProtocol {

    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    static final int MAX_ENTITY_IDS = 1_000;
    private static final Set<String> FIELDS = Set.of("type", "min_level", "entity_ids", "types");

    sealed interface Outcome {
    }

    record Subscribed(Subscription subscription) implements Outcome {
    }

    /** @param code a stable, machine-readable error code; {@code message} says what to fix */
    record Invalid(String code, String message) implements Outcome {
    }

    private final ObjectMapper json;

    SubscriptionProtocol(ObjectMapper json) {
        this.json = json;
    }

    Outcome read(String text) {
        if (text == null || text.isBlank()) return new Invalid("invalid_json", "empty message");
        if (text.length() > MAX_MESSAGE_CHARS) return new Invalid("message_too_large", "at most " + MAX_MESSAGE_CHARS + " characters");
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return new Invalid("invalid_json", "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) return new Invalid("invalid_json", "expected a JSON object");
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) return new Invalid("unknown_message", "missing \"type\"; expected \"subscribe\"");
        if (!type.asText().equals("subscribe")) {
            return new Invalid("unknown_message", "unknown message type \"" + type.asText() + "\"; expected \"subscribe\"");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) return new Invalid("unknown_field", "unknown field \"" + name + "\"; expected one of " + FIELDS);
        }
        return readSubscription(root);
    }

    private static Outcome readSubscription(JsonNode root) {
        RiskLevel minLevel = RiskLevel.LOW;
        boolean includeClear = false;
        JsonNode level = root.get("min_level");
        if (level != null && !level.isNull()) {
            minLevel = level.isTextual() ? levelOf(level.asText()) : null;
            if (minLevel == null) return new Invalid("invalid_min_level", "min_level must be one of low, medium, high, critical");
            includeClear = minLevel == RiskLevel.LOW;
        }
        Set<String> entityIds = new HashSet<>();
        JsonNode entities = root.get("entity_ids");
        if (entities != null && !entities.isNull()) {
            if (!entities.isArray()) return new Invalid("invalid_entity_ids", "entity_ids must be an array of strings");
            if (entities.size() > MAX_ENTITY_IDS) return new Invalid("invalid_entity_ids", "at most " + MAX_ENTITY_IDS + " entity_ids");
            for (JsonNode id : entities) {
                if (!id.isTextual() || id.asText().isBlank()) return new Invalid("invalid_entity_ids", "entity_ids must be non-empty strings");
                entityIds.add(id.asText());
            }
        }
        Set<MessageType> types = EnumSet.allOf(MessageType.class);
        JsonNode typeList = root.get("types");
        if (typeList != null && !typeList.isNull()) {
            if (!typeList.isArray()) return new Invalid("invalid_types", "types must be an array of assessment, alert, stats");
            types = EnumSet.noneOf(MessageType.class);
            for (JsonNode name : typeList) {
                MessageType t = name.isTextual() ? MessageType.fromWireName(name.asText()) : null;
                if (t == null) return new Invalid("invalid_types", "unknown type " + name + "; expected assessment, alert, stats");
                types.add(t);
            }
        }
        return new Subscribed(new Subscription(minLevel, includeClear, entityIds, types));
    }

    private static RiskLevel levelOf(String name) {
        try {
            return RiskLevel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
