package com.riskpulse.server;

import com.riskpulse.engine.testing.TestDatabases;

/** The same suite on PostgreSQL (a scratch schema per test, as the engine's own PostgreSQL tests do). */
class PostgresServerTest extends ServerContract {

    private TestDatabases.Scratch scratch;

    @Override
    protected String databaseUrl() {
        scratch = TestDatabases.postgres();
        String url = scratch.database().settings().jdbcUrl();
        String user = scratch.database().settings().user();
        scratch.database().close();
        return user == null || url.contains("user=") ? url : url + (url.contains("?") ? "&" : "?") + "user=" + user;
    }

    @Override
    protected void releaseDatabase() {
        if (scratch != null) scratch.cleanup().run();
    }
}
