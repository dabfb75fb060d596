package com.riskpulse.desktop.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.riskpulse.engine.api.ApiError;
import com.riskpulse.engine.client.RiskClientException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP half of {@link RemoteRiskClient}: sends one request to the server's REST API, answers the body of a 2xx,
 * and turns everything else into the {@link RiskClientException} the embedded client would have thrown: the server's
 * {@link ApiError} as it is, a body that is not one as a readable message with the HTTP status, and a server that
 * cannot be reached (refused, timed out, name unknown) as 503 {@code unreachable} naming the URL.
 */
final class HttpApi {

    /** The API's records (snake_case by their own annotations), ISO instants, unknown fields ignored. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String API = "/api/v1";
    private static final int MAX_BODY_IN_MESSAGE = 200;

    /** A 2xx (or an accepted error status) answer: its status and body. */
    record Answer(int status, String body) {
    }

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Supplier<String> token;

    HttpApi(String baseUrl, HttpClient http, Duration requestTimeout, Supplier<String> token) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.token = token;
    }

    <T> T get(String path, Class<T> type) {
        return read(send("GET", path, null).body(), JSON.constructType(type));
    }

    <T> T get(String path, TypeReference<T> type) {
        return read(send("GET", path, null).body(), JSON.getTypeFactory().constructType(type));
    }

    <T> T post(String path, Object body, Class<T> type) {
        return read(send("POST", path, json(body)).body(), JSON.constructType(type));
    }

    <T> T put(String path, Object body, Class<T> type) {
        return read(send("PUT", path, json(body)).body(), JSON.constructType(type));
    }

    /** Sends {@code body} (already JSON, or null) and answers the body of a 2xx; anything else throws. */
    Answer send(String method, String path, String body) {
        return send(method, path, body, 0);
    }

    /** As {@link #send(String, String, String)}, also answering the body of {@code alsoAccepted} (0 for none). */
    Answer send(String method, String path, String body, int alsoAccepted) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + API + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) request.header("Content-Type", "application/json");
        String bearer = token.get();
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw unreachable(baseUrl, "no answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw unreachable(baseUrl, describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(baseUrl, "interrupted while waiting for the answer", e);
        } catch (IllegalStateException e) { // the HTTP client was shut down (the client was closed)
            throw unreachable(baseUrl, "the client is closed", e);
        }
        int status = response.statusCode();
        if ((status >= 200 && status < 300) || status == alsoAccepted) return new Answer(status, response.body());
        throw new RiskClientException(error(status, method, path, response.body()));
    }

    /** The call's answer, or empty when the server says 404 (a missing risk or alert). */
    static <T> Optional<T> orEmpty(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (RiskClientException e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Bad input caught before sending, in the shape the server and the embedded client use. */
    static RiskClientException invalid(String field, String message) {
        return new RiskClientException(new ApiError(400, "bad_request", message, field, null, null));
    }

    static RiskClientException unreachable(String url, String reason, Throwable cause) {
        return new RiskClientException(ApiError.of(503, "unreachable",
                "cannot reach the RiskPulse server at " + url + ": " + reason), cause);
    }

    /** The server's error body, or a readable stand-in when the body is not the API's error (a proxy's page, say). */
    static ApiError error(int status, String method, String path, String body) {
        if (body != null && !body.isBlank()) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject() && node.hasNonNull("code") && node.hasNonNull("message")) {
                    ApiError parsed = JSON.treeToValue(node, ApiError.class);
                    return parsed.status() == status ? parsed
                            : new ApiError(status, parsed.code(), parsed.message(), parsed.field(), parsed.requestId(), parsed.problems());
                }
            } catch (JsonProcessingException | IllegalArgumentException notTheApisError) {
                // fall through: described below
            }
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_BODY_IN_MESSAGE) text = text.substring(0, MAX_BODY_IN_MESSAGE) + "…";
        String message = "the server answered HTTP " + status + " to " + method + " " + API + path
                + (text.isEmpty() ? " with no explanation" : ": " + text);
        return ApiError.of(status, code(status), message);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 502, 503, 504 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    private static String describe(IOException e) {
        String kind = switch (e) {
            case java.net.ConnectException c -> "connection refused";
            case java.net.UnknownHostException u -> "unknown host";
            default -> e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        };
        String detail = e.getMessage();
        if (detail == null && e.getCause() != null) detail = e.getCause().getMessage();
        return detail == null || detail.isBlank() ? kind : kind + " (" + detail + ")";
    }

    static String json(Object body) {
        if (body == null) return null;
        if (body instanceof String s) return s;
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String body, JavaType type) {
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new RiskClientException(ApiError.of(502, "bad_response",
                    "the server's answer is not the expected " + type.getRawClass().getSimpleName() + ": " + e.getOriginalMessage()), e);
        }
    }

    static <T> T read(String body, Class<T> type) {
        return read(body, JSON.constructType(type));
    }
}
