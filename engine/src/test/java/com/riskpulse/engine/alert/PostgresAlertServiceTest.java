package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AlertServiceContract} on PostgreSQL (skipped when unreachable, failed under CI=true). */
class PostgresAlertServiceTest extends AlertServiceContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
