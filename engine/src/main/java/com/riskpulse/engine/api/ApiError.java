package com.riskpulse.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * The one error shape of the API: {@code {"status":400,"code":"bad_request","message":"...","field":"..."}}.
 *
 * @param field     the request field at fault, when one is
 * @param requestId set for unexpected (500) errors, to find the log entry
 * @param problems  every problem, when there are several (an invalid configuration)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String code, String message, String field, String requestId, List<String> problems) {

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, null, null);
    }
}
