package com.riskpulse.engine.user;

import java.time.Duration;
import java.time.Instant;

/** What a login attempt came to. */
public sealed interface LoginOutcome {

    /** Logged in: a bearer token, its lifetime, and who. */
    record Success(String token, Duration expiresIn, UserAccount user) implements LoginOutcome {
        /** Never shows the token. */
        @Override
        public String toString() {
            return "Success[user=" + user.username() + ", expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * Refused. An unknown user and a wrong password give the same answer, so names cannot be probed.
     *
     * @param lockedUntil when the lock ends, for {@link Reason#LOCKED}; else null
     */
    record Failure(Reason reason, String message, Instant lockedUntil) implements LoginOutcome {
    }

    enum Reason { BAD_CREDENTIALS, LOCKED, DISABLED }
}
