package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AlertPolicyContract} on an in-memory H2. */
class H2AlertPolicyTest extends AlertPolicyContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
