package com.riskpulse.engine.alert;

import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AlertPolicyContract} on PostgreSQL (skipped when unreachable, failed under CI=true). */
class PostgresAlertPolicyTest extends AlertPolicyContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
