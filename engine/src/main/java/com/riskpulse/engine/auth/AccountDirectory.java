package com.riskpulse.engine.auth;

import java.util.Optional;

/**
 * Looks users up by id for {@link TokenService}. The user store implements it ({@code user.Users}); it is
 * declared here so that {@code auth} does not depend on {@code user}.
 */
@FunctionalInterface
public interface AccountDirectory {

    /** The account as stored now, or empty when it no longer exists. */
    Optional<AccountStatus> status(long userId);
}
