package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/auth/login}, as in the seed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoginRequest(String username, String password) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "LoginRequest[" + username + "]";
    }
}
