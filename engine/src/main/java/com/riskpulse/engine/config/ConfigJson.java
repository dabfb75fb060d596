package com.riskpulse.engine.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.riskpulse.engine.score.RiskRule;
import com.riskpulse.engine.score.RiskRules;
import com.riskpulse.engine.score.RuleSettings;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link ConfigDocument} to and from JSON with snake_case keys, for the API and for storage:
 * <pre>{@code
 * {"version": 2, "thresholds": {"low": 0.3, "medium": 0.5, "high": 0.8, "critical": 0.95}, "bias": -5.0,
 *  "weights": {"count_1m": 1.6, ...}, "rules": {"card_testing": {"enabled": true, "boost": 4.0,
 *  "parameters": {"min_count_1m": 5.0}}}, "alert_policy": {"minimum_level": "HIGH"}, "retention_days": 30,
 *  "created_at": "2026-11-26T10:00:00Z", "created_by": "admin", "comment": "..."}
 * }</pre>
 * Unknown keys and wrong types are rejected naming the field; values that are well-formed but wrong
 * (a threshold of 1.3, an unknown feature) are left to {@link ConfigValidator}. In a rule, a missing
 * {@code enabled} means on and a missing {@code boost} means the rule's default.
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(RuleSettings.class, new RuleSettingsReader()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // NaN can only come from Java callers; reading it lets the validator say "must be finite"
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ConfigJson() {
    }

    public static String write(ConfigDocument document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write configuration " + document.version() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a document; fails with {@link IllegalArgumentException} naming the field for malformed JSON. */
    public static ConfigDocument read(String json) {
        try {
            ConfigDocument doc = MAPPER.readValue(json, ConfigDocument.class);
            if (doc == null) throw new IllegalArgumentException("configuration: a JSON object is required");
            return doc;
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(path(e) + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration: malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The document as nested maps and lists: for audit details. */
    public static Map<String, Object> toMap(ConfigDocument document) {
        return MAPPER.convertValue(document, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "configuration: " : path + ": ";
    }

    /** Rule settings with the rule's defaults for what is left out, so a client can send only what changes. */
    private static final class RuleSettingsReader extends JsonDeserializer<RuleSettings> {
        @Override
        public RuleSettings deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String ruleName = p.currentName(); // at the start of a map value: its key, the rule name
            JsonNode node = p.readValueAsTree();
            if (!node.isObject()) return ctxt.reportInputMismatch(RuleSettings.class, "must be an object");
            RiskRule rule = RiskRules.ALL.stream().filter(r -> r.name().equals(ruleName)).findFirst().orElse(null);
            boolean enabled = true;
            double boost = rule == null ? 0 : rule.boost();
            Map<String, Double> parameters = new LinkedHashMap<>();
            for (var field : node.properties()) {
                JsonNode v = field.getValue();
                switch (field.getKey()) {
                    case "enabled" -> {
                        if (!v.isBoolean()) return ctxt.reportInputMismatch(RuleSettings.class, "enabled: must be true or false");
                        enabled = v.booleanValue();
                    }
                    case "boost" -> {
                        if (!v.isNumber()) return ctxt.reportInputMismatch(RuleSettings.class, "boost: must be a number");
                        boost = v.doubleValue();
                    }
                    case "parameters" -> {
                        if (!v.isObject()) return ctxt.reportInputMismatch(RuleSettings.class, "parameters: must be an object");
                        for (var param : v.properties()) {
                            if (!param.getValue().isNumber()) {
                                return ctxt.reportInputMismatch(RuleSettings.class, "parameters." + param.getKey() + ": must be a number");
                            }
                            parameters.put(param.getKey(), param.getValue().doubleValue());
                        }
                    }
                    default -> {
                        return ctxt.reportInputMismatch(RuleSettings.class,
                                "unknown field '" + field.getKey() + "'; known: enabled, boost, parameters");
                    }
                }
            }
            return new RuleSettings(enabled, boost, parameters);
        }
    }
}
