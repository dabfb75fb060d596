package com.riskpulse.engine.user;

import com.riskpulse.engine.auth.Actor;
import com.riskpulse.engine.auth.Origin;
import com.riskpulse.engine.auth.Role;

import java.time.Instant;
import java.util.Objects;

/**
 * A user as callers see it: never the password hash or the login counters.
 *
 * @param email null when none was given (the bootstrap admin)
 */
public record UserAccount(long id, String username, String email, Role role, boolean enabled, Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** This user acting from {@code origin}. */
    public Actor actor(Origin origin) {
        return new Actor(id, username, role, origin);
    }

    /** The audit target of this user, {@code user:<id>}. */
    public String target() {
        return target(id);
    }

    static String target(long id) {
        return "user:" + id;
    }
}
