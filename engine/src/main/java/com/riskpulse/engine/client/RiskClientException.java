package com.riskpulse.engine.client;

import com.riskpulse.engine.api.ApiError;

import java.util.List;

/**
 * A refused or failed {@link RiskClient} call, with the API's error: the same status and code whether the engine is
 * in-process or behind HTTP (401 unauthenticated, 403 forbidden, 404 not found, 409 conflict, 400 invalid with every
 * problem, 503 unavailable or unreachable).
 */
public final class RiskClientException extends RuntimeException {

    private final ApiError error;

    public RiskClientException(ApiError error) {
        this(error, null);
    }

    public RiskClientException(ApiError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    public static RiskClientException of(int status, String code, String message) {
        return new RiskClientException(ApiError.of(status, code, message));
    }

    public ApiError error() {
        return error;
    }

    public int status() {
        return error.status();
    }

    public String code() {
        return error.code();
    }

    /** Every problem (an invalid configuration lists them all); the message alone otherwise. */
    public List<String> problems() {
        return error.problems() == null || error.problems().isEmpty() ? List.of(getMessage()) : error.problems();
    }
}
