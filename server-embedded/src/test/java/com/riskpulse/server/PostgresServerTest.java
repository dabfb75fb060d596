package com.riskpulse.server;

import com.riskpulse.engine.testing.TestDatabases;

/** The same suite on PostgreSQL (a scratch schema per test, as the engine's own PostgreSQL tests do). */
class PostgresServerTest extends ServerContract {

    private TestDatabases.Scratch scratch;

    @Override
    protected String databaseUrl() {
        scratch = TestDatabases.postgres();
        String url = scratch.databaseUrl();
        scratch.database().close();
        return url;
    }

    @Override
    protected void releaseDatabase() {
        if (scratch != null) scratch.cleanup().run();
    }
}
