package com.riskpulse.engine.config;

import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link ConfigVersionsContract} on PostgreSQL. Skipped when PostgreSQL is unreachable, failed
 * instead under CI=true (see {@link TestDatabases}).
 */
class PostgresConfigVersionsTest extends ConfigVersionsContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
