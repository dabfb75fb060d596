package com.riskpulse.engine.user;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link UsersContract} on PostgreSQL; skipped when it is unreachable, failed instead under CI=true. */
class PostgresUsersTest extends UsersContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
