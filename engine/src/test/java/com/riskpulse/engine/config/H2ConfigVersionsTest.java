package com.riskpulse.engine.config;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link ConfigVersionsContract} on an in-memory H2 (PostgreSQL mode). */
class H2ConfigVersionsTest extends ConfigVersionsContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
