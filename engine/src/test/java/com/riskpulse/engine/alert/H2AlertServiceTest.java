package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AlertServiceContract} on an in-memory H2. */
class H2AlertServiceTest extends AlertServiceContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
