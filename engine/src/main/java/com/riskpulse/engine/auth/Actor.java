package com.riskpulse.engine.auth;

import java.util.Objects;

/**
 * Who performs an action: passed to every service call that is checked or audited.
 *
 * @param userId   the user's id, or 0 for the system
 * @param username the user's name, or {@code system}
 * @param role     the role the action is judged by
 * @param origin   console, API or system
 */
public record Actor(long userId, String username, Role role, Origin origin) {

    public static final Actor SYSTEM = new Actor(0, "system", Role.ADMIN, Origin.SYSTEM);

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(origin, "origin");
    }

    /** Throws {@link Forbidden} unless this actor's role holds {@code permission}. */
    public Actor require(Permission permission) {
        if (!permission.grantedTo(role)) throw new Forbidden(this, permission);
        return this;
    }

    public boolean may(Permission permission) {
        return permission.grantedTo(role);
    }
}
