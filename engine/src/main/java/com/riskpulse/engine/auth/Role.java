package com.riskpulse.engine.auth;

import java.util.Locale;

/** What a user is allowed to do, by role; the permissions of each are in {@link Permission}. */
public enum Role {
    /** Reads risks and alerts. */
    VIEWER,
    /** Also works alerts and asks for explanations. */
    ANALYST,
    /** Also changes configuration, manages users and reads the audit log. */
    ADMIN;

    /** Case-insensitive, as the seed's clients send {@code "analyst"}. */
    public static Role parse(String value) {
        if (value == null) throw new IllegalArgumentException("role is required: one of viewer, analyst, admin");
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role '" + value + "' is not one of viewer, analyst, admin");
        }
    }

    /** Lower case, as on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
