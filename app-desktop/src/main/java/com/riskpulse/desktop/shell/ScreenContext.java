package com.riskpulse.desktop.shell;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.engine.client.RiskClient;

import java.time.Clock;

/**
 * What every screen is built from: the client (the only way to the engine), the executor pair for blocking calls,
 * the shared live feed, the navigator and the clock. View-model tests build one with {@link Background#direct()}.
 */
public record ScreenContext(RiskClient client, Background background, LiveFeed live, Navigator navigator, Clock clock) {
}
