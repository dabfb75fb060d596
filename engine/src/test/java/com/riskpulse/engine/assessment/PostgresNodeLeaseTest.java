package com.riskpulse.engine.assessment;

import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link NodeLeaseContract} on PostgreSQL, where the servers of a cluster meet. Skipped when PostgreSQL is
 * unreachable, failed instead under CI=true (see {@link TestDatabases}).
 */
class PostgresNodeLeaseTest extends NodeLeaseContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }
}
