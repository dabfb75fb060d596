package com.riskpulse.engine.stream;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link DeadLettersContract} on an in-memory H2. */
class H2DeadLettersTest extends DeadLettersContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }
}
