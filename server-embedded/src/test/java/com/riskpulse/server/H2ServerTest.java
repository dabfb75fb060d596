package com.riskpulse.server;

class H2ServerTest extends ServerContract {

    @Override
    protected String databaseUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("riskpulse");
    }
}
