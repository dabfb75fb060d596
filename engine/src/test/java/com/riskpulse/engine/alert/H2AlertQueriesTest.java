package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AlertQueriesContract} on an in-memory H2. */
class H2AlertQueriesTest extends AlertQueriesContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
