package com.riskpulse.server.http;

import java.util.List;
import java.util.Map;

/**
 * An expected failure of a request, answered in the one error shape by {@link Errors}.
 *
 * @param field    the request field at fault, or null
 * @param problems every problem when there are several, or null
 * @param headers  extra response headers ({@code Retry-After}, {@code WWW-Authenticate})
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;
    private final transient List<String> problems;
    private final transient Map<String, String> headers;

    public ApiException(int status, String code, String message, String field, List<String> problems, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.problems = problems;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "bad_request", message, field, null, null);
    }

    public static ApiException invalid(String message, List<String> problems) {
        return new ApiException(400, "invalid", message, null, List.copyOf(problems), null);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message, null, null, Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null, null, null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null, null, null);
    }

    public static ApiException unavailable(String message, int retryAfterSeconds) {
        return new ApiException(503, "unavailable", message, null, null, Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }
    public List<String> problems() { return problems; }
    public Map<String, String> headers() { return headers; }
}
