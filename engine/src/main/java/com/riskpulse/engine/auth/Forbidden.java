package com.riskpulse.engine.auth;

/** An actor asked for something its role does not permit. The server answers it with 403. */
public final class Forbidden extends RuntimeException {

    private final transient Actor actor;
    private final Permission permission;

    public Forbidden(Actor actor, Permission permission) {
        super("role " + actor.role().wireName() + " may not " + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " (allowed: " + permission.roles().stream().map(Role::wireName).toList() + ")");
        this.actor = actor;
        this.permission = permission;
    }

    public Actor actor() {
        return actor;
    }

    public Permission permission() {
        return permission;
    }
}
