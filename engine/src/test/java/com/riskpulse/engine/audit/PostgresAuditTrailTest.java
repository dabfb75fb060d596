package com.riskpulse.engine.audit;

import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.testing.TestDatabases;

/**
 * The {@link AuditTrailContract} on PostgreSQL, where a second connection pool on the same schema stands in
 * for a second server. Skipped when PostgreSQL is unreachable, failed instead under CI=true (see
 * {@link TestDatabases}).
 */
class PostgresAuditTrailTest extends AuditTrailContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected Database openSecondPool(Database first) {
        return Database.open(first.settings());
    }
}
