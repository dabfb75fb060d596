package com.riskpulse.engine.user;

/** What a registration or an admin's user command did. */
public sealed interface UserOutcome {

    /** A new user. */
    record Created(UserAccount user) implements UserOutcome {
    }

    /** The user changed; both states are in the audit entry too. */
    record Changed(UserAccount before, UserAccount after) implements UserOutcome {
    }

    /** The user was already in the asked-for state: nothing written, nothing audited. */
    record Unchanged(UserAccount user) implements UserOutcome {
    }

    record NotFound(long id) implements UserOutcome {
    }

    /** Refused, with a message fit to show the person who asked. */
    record Rejected(Problem problem, String message) implements UserOutcome {
    }

    enum Problem {
        INVALID_USERNAME, INVALID_EMAIL, WEAK_PASSWORD, USERNAME_TAKEN, ROLE_NOT_ALLOWED,
        /** The change would leave no enabled admin. */
        LAST_ADMIN,
        /** Someone else changed the user at the same moment; read again and retry. */
        CONCURRENT_CHANGE
    }
}
