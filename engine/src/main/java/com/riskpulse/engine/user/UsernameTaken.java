package com.riskpulse.engine.user;

/** A user with this name exists already (also when another node added it a moment ago). */
public final class UsernameTaken extends RuntimeException {

    public UsernameTaken(String username) {
        super("username '" + username + "' is already taken");
    }
}
