package com.riskpulse.engine.auth;

import java.util.Objects;

/**
 * What the token check needs to know about a user as stored now: a token is only as good as the account
 * behind it, and the stored role wins over the role written in the token.
 */
public record AccountStatus(long userId, String username, Role role, boolean enabled) {

    public AccountStatus {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
