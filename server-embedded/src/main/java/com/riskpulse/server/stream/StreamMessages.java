package com.riskpulse.server.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.riskpulse.engine.alert.AlertChange;
import com.riskpulse.engine.api.AlertView;
import com.riskpulse.engine.api.LiveAssessment;
import com.riskpulse.engine.api.LiveStats;
import com.riskpulse.engine.assessment.Assessment;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The typed JSON messages of {@code /ws/risk-stream} (snake_case), in one place. See docs in {@link RiskStreamHub}.
 * The payloads are the engine's API records ({@link LiveAssessment}, {@link AlertView}, {@link LiveStats}), which the
 * console's remote client reads back.
 */
final class StreamMessages {

    private final ObjectMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private final LongAdder assessmentsSerialised = new LongAdder();

    ObjectMapper json() {
        return json;
    }

    long assessmentsSerialised() {
        return assessmentsSerialised.sum();
    }

    String assessment(Assessment a) {
        assessmentsSerialised.increment();
        return write(new Typed("assessment", LiveAssessment.of(a)));
    }

    String alert(AlertChange change) {
        String kind = change.kind();
        return write(new AlertMessage("alert", kind, AlertView.of(change.alert())));
    }

    String stats(LiveStats data) {
        return write(new Typed("stats", data));
    }

    String dropped(long count) {
        return write(new Dropped("dropped", count));
    }

    String error(String code, String message) {
        return write(new Error("error", code, message));
    }

    String subscribed(Subscription s) {
        return write(new Typed("subscribed", new SubscriptionData(wire(s.minLevel()), s.includeClear(),
                s.entityIds().stream().sorted().toList(), s.types().stream().sorted().map(MessageType::wireName).toList())));
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + message.getClass().getSimpleName(), e);
        }
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    record Typed(String type, Object data) {
    }

    record AlertMessage(String type, String change, AlertView data) {
    }

    record Dropped(String type, long count) {
    }

    record Error(String type, String code, String message) {
    }

    record SubscriptionData(String minLevel, boolean includeClear, List<String> entityIds, List<String> types) {
    }
}
