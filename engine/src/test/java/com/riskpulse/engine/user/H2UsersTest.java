package com.riskpulse.engine.user;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link UsersContract} on an in-memory H2 in PostgreSQL mode. */
class H2UsersTest extends UsersContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
