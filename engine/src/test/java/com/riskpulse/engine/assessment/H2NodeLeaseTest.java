package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link NodeLeaseContract} on H2. */
class H2NodeLeaseTest extends NodeLeaseContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
