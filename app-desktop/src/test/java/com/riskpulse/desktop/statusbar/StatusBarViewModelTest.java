package com.riskpulse.desktop.statusbar;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.testing.ScreenHarness.RecordingNavigator;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.ConnectionState;
import com.riskpulse.engine.client.EmbeddedRiskClient;
import com.riskpulse.engine.client.RiskClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The status bar's logic without a toolkit: a real engine, the live feed flushed by hand. */
class StatusBarViewModelTest {

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private LiveFeed live;

    @BeforeEach
    void startEngine() {
        engine = TestEngine.start(dataDir);
    }

    @AfterEach
    void stopEngine() {
        if (live != null) live.close();
        engine.close();
    }

    private StatusBarViewModel statusBar(RiskClient client) {
        live = new LiveFeed(client).start(false);
        StatusBarViewModel vm = new StatusBarViewModel(new ScreenContext(client, Background.direct(), live, new RecordingNavigator(),
                Clock.systemUTC()));
        vm.start();
        return vm;
    }

    @Test
    void anEmbeddedEngineShowsThisComputerItsDatabaseTheConnectionAndTheAdmin() {
        RiskClient client = engine.admin();
        StatusBarViewModel vm = statusBar(client);
        live.flush();

        assertThat(vm.mode().get()).isEqualTo("This computer");
        assertThat(vm.location().get()).isEqualTo(client.location()).contains("riskpulse");
        assertThat(vm.connection().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(vm.connectionText().get()).isEqualTo("Connected");
        assertThat(vm.user().get()).isEqualTo("admin (admin)");
    }

    @Test
    void aDroppedConnectionShowsReconnectingWithTheReasonThenDisconnected() {
        StatusBarViewModel vm = statusBar(engine.admin());

        live.onConnection(ConnectionState.RECONNECTING, "connection reset by peer");
        live.flush();
        assertThat(vm.connection().get()).isEqualTo(ConnectionState.RECONNECTING);
        assertThat(vm.connectionText().get()).isEqualTo("Reconnecting… (connection reset by peer)");

        live.onConnection(ConnectionState.CONNECTED, "back");
        live.flush();
        assertThat(vm.connectionText().get()).isEqualTo("Connected");

        live.close();
        live.flush();
        assertThat(vm.connection().get()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(vm.connectionText().get()).isEqualTo("Disconnected (closed)");
    }

    @Test
    void theEnginesPaceAndBothLagsComeFromTheLiveFeed() {
        StatusBarViewModel vm = statusBar(engine.admin());
        engine.ordinaryTraffic(50);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            live.flush();
            assertThat(vm.rate().get()).matches("[\\d,]+ events/s");
            assertThat(vm.lag().get()).matches("lag p50 engine [\\d.]+ ms · screen [\\d,]+ ms");
        });
    }

    @Test
    void aViewerIsShownWithTheirRole() {
        engine.admin().createUser("vera", "vera@example.com", "vera-password-123", "viewer");
        EmbeddedRiskClient vera = new EmbeddedRiskClient(engine.engine(), false, Clock.systemUTC());
        vera.login("vera", "vera-password-123");
        try {
            StatusBarViewModel vm = statusBar(vera);
            assertThat(vm.user().get()).isEqualTo("vera (viewer)");
        } finally {
            live.close();
            live = null;
            vera.close();
        }
    }
}
