package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code POST /api/v1/auth/register} (seed shape) and {@code POST /api/v1/users} (admin); role in lower case. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisterRequest(String email, String username, String password, String role) {

    /** Never shows the password. */
    @Override
    public String toString() {
        return "RegisterRequest[" + username + ", " + email + ", " + role + "]";
    }
}
