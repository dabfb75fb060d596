package com.riskpulse.engine.audit;

import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link AuditQueryContract} on PostgreSQL. Skipped when PostgreSQL is unreachable, failed instead under
 * CI=true (see {@link TestDatabases}).
 */
class PostgresAuditQueryTest extends AuditQueryContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected Database openSecondPool(Database first) {
        return Database.open(first.settings());
    }
}
