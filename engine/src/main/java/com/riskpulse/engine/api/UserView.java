package com.riskpulse.engine.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.riskpulse.engine.user.UserAccount;

import java.time.Instant;

/** A user as the API shows it (never the password hash). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserView(long id, String username, String email, String role, boolean enabled, Instant createdAt) {

    public static UserView of(UserAccount u) {
        return new UserView(u.id(), u.username(), u.email(), u.role().wireName(), u.enabled(), u.createdAt());
    }
}
