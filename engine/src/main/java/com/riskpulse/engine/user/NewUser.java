package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.Role;

import java.time.Instant;
import java.util.Objects;

/** A user to add: already validated, password already hashed. */
public record NewUser(String username, String email, String passwordHash, Role role, boolean enabled, Instant createdAt) {

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "NewUser[" + username + ", " + email + ", " + role + ", enabled=" + enabled + "]";
    }
}
