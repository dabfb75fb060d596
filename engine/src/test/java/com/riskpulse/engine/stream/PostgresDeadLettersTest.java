package com.riskpulse.engine.stream;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link DeadLettersContract} on PostgreSQL; skipped when unreachable, failed instead under CI=true. */
class PostgresDeadLettersTest extends DeadLettersContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
