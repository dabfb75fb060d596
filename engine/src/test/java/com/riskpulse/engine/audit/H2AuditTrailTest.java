package com.riskpulse.engine.audit;

import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AuditTrailContract} on an in-memory H2. */
class H2AuditTrailTest extends AuditTrailContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }

    /** Embedded H2 belongs to one process; closing a second pool on it would shut the database down. */
    @Override
    protected Database openSecondPool(Database first) {
        return null;
    }
}
