package com.riskpulse.desktop.console;

import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.Connection;
import com.riskpulse.engine.client.EmbeddedRiskClient;

import java.time.Clock;

/** The console on "This computer": each connection is a client of the test's in-process engine. */
class EmbeddedConsoleTest extends ConsoleContract {

    @Override
    protected Connection connection() {
        return new Connection.ThisComputer();
    }

    @Override
    protected ClientFactory clients() {
        return c -> new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
    }
}
