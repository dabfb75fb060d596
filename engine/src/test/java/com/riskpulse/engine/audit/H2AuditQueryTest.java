package com.riskpulse.engine.audit;

import com.riskpulse.engine.storage.Database;
import com.riskpulse.engine.testing.TestDatabases;

/** The {@link AuditQueryContract} on an in-memory H2. */
class H2AuditQueryTest extends AuditQueryContract {

    @Override
    protected TestDatabases.Scratch openDatabase() {
        return TestDatabases.h2();
    }

    /** Embedded H2 belongs to one process; only the trail contract asks for a second pool. */
    @Override
    protected Database openSecondPool(Database first) {
        return null;
    }
}
