package com.riskpulse.engine.user;

import java.util.Optional;

/** What {@link UserService#bootstrapAdmin} did. */
public sealed interface BootstrapOutcome {

    /**
     * The first admin was created.
     *
     * @param oneTimePassword the generated password, when none was given: shown once to the operator, stored nowhere
     */
    record Created(UserAccount admin, Optional<String> oneTimePassword) implements BootstrapOutcome {
        @Override
        public String toString() {
            return "Created[" + admin + ", generated password " + (oneTimePassword.isPresent() ? "***" : "none") + "]";
        }
    }

    /** Users exist already: nothing was done. */
    record AlreadyInitialised(long users) implements BootstrapOutcome {
    }
}
