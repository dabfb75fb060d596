package com.riskpulse.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

import java.util.stream.Collectors;

/** The server's JSON: ISO instants, snake_case names come from the API records; request bodies read with clear 400s. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The body as {@code type}; malformed JSON, a missing body or a wrong type is a 400 naming the problem. */
    public static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) throw ApiException.badRequest(null, "a JSON body is required");
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw ApiException.badRequest(null, "a JSON object is required");
            return value;
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            String what = e instanceof InvalidFormatException ife ? "value " + ife.getValue() + " is not valid" : "wrong type";
            throw ApiException.badRequest(field.isEmpty() ? null : field, field.isEmpty() ? "expected a JSON object" : field + ": " + what);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The body as a JSON tree; malformed JSON is a 400. */
    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** A required text field of a request record: a 400 naming it when missing or blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
        return value;
    }

    private static ApiException malformed(JsonProcessingException e) {
        var loc = e.getLocation();
        return ApiException.badRequest(null, "malformed JSON: " + e.getOriginalMessage()
                + (loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")"));
    }
}
