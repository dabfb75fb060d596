package com.riskpulse.desktop.start;

import com.riskpulse.engine.client.RiskClient;

/** Opens a {@link RiskClient} for a connection: starts the embedded engine or reaches a server. Blocking. */
@FunctionalInterface
public interface ClientFactory {

    RiskClient open(Connection connection);
}
