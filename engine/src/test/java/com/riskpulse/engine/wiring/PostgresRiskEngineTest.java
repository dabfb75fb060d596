package com.riskpulse.engine.wiring;

import com.riskpulse.engine.testing.TestDatabases;

class PostgresRiskEngineTest extends RiskEngineContract {

    private TestDatabases.Scratch scratch;

    @Override
    protected String databaseUrl() {
        // a fresh, migrated schema; the engine opens its own pool on it
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
