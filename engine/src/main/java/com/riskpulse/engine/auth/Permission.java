package com.riskpulse.engine.auth;

import java.util.EnumSet;
import java.util.Set;

import static com.riskpulse.engine.auth.Role.ADMIN;
import static com.riskpulse.engine.auth.Role.ANALYST;
import static com.riskpulse.engine.auth.Role.VIEWER;

/**
 * The permission matrix, in one place: every protected operation and the roles that may perform it.
 * The engine's services check it themselves (not only the HTTP layer), so the embedded console is held
 * to the same rules as the API.
 */
public enum Permission {
    READ_RISKS(VIEWER, ANALYST, ADMIN),
    READ_ALERTS(VIEWER, ANALYST, ADMIN),
    READ_STATS(VIEWER, ANALYST, ADMIN),
    WORK_ALERTS(ANALYST, ADMIN),
    EXPLAIN(ANALYST, ADMIN),
    INGEST_EVENTS(ANALYST, ADMIN),
    READ_CONFIG(VIEWER, ANALYST, ADMIN),
    CHANGE_CONFIG(ADMIN),
    PREVIEW_CONFIG(ADMIN),
    MANAGE_USERS(ADMIN),
    READ_AUDIT(ADMIN),
    VERIFY_AUDIT(ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }
}
