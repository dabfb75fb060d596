package com.riskpulse.engine.user;

/** The user changed since it was read (its version moved on): read it again and retry. */
public final class ConcurrentUpdate extends RuntimeException {

    public ConcurrentUpdate(long id) {
        super("user " + id + " was changed concurrently");
    }
}
