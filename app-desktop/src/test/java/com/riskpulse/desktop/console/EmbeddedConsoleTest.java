package com.riskpulse.desktop.console;

import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.Connection;
import com.riskpulse.engine.client.EmbeddedRiskClient;

import com.riskpulse.desktop.testing.Screenshots;
import javafx.scene.chart.LineChart;

import java.time.Clock;

import static org.awaitility.Awaitility.await;

/** The console on "This computer": each connection is a client of the test's in-process engine. */
class EmbeddedConsoleTest extends ConsoleContract {

    @Override
    protected Connection connection() {
        return new Connection.ThisComputer();
    }

    /** The main window as the analyst sees it, for the README: dashboard, navigation, status bar. */
    @Override
    protected void afterLiveDashboard() throws Exception {
        await().atMost(WAIT).until(() -> !label("#openAlertsValue").getText().startsWith("0"));
        @SuppressWarnings("unchecked") LineChart<Number, Number> scores = lookup("#scoreChart").queryAs(LineChart.class);
        await().atMost(WAIT).until(() -> onFx(() -> scores.getData().getFirst().getData().size()) >= 40);
        Screenshots.save(lookup("#logoutButton").query().getScene(), "console");
    }

    @Override
    protected ClientFactory clients() {
        return c -> new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
    }
}
