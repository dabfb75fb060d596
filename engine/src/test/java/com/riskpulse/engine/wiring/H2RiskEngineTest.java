package com.riskpulse.engine.wiring;

class H2RiskEngineTest extends RiskEngineContract {

    @Override
    protected String databaseUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("riskpulse");
    }
}
