package com.riskpulse.desktop.statusbar;

import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.testing.LiveSceneRobot;
import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The status bar at the foot of a real (headless) window over the embedded engine. */
class StatusBarViewTest {

    @TempDir
    Path dataDir;

    private TestEngine engine;
    private RiskClient client;
    private ScreenHarness harness;
    private final FxRobot robot = new LiveSceneRobot();

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start(dataDir);
        client = engine.admin();
        harness = new ScreenHarness(client);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        engine.close();
    }

    @Test
    void showsThisComputerTheDatabaseAConnectedStreamItsPaceAndTheUser() throws Exception {
        harness.show(ctx -> {
            StatusBarView bar = new StatusBarView(ctx);
            BorderPane window = new BorderPane();
            window.setBottom(bar.root());
            return new Screen() {
                @Override
                public String title() {
                    return "Status bar";
                }

                @Override
                public Parent root() {
                    return window;
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }, 1280, 200);
        // a steady stream: the screen's lag is a median over the last second, which a single burst soon leaves
        engine.startSimulator(100);

        assertThat(text("#modeLabel")).isEqualTo("This computer");
        assertThat(text("#locationLabel")).isEqualTo(client.location());
        assertThat(text("#userLabel")).isEqualTo("admin (admin)");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(text("#connectionLabel")).isEqualTo("Connected");
            assertThat(fx(() -> robot.lookup("#connectionLabel").queryAs(Label.class).getStyleClass())).contains("state-connected");
            assertThat(text("#rateLabel")).matches("[\\d,]+ events/s");
            assertThat(text("#lagLabel")).matches("lag p50 engine [\\d.]+ ms · screen [\\d,]+ ms");
        });
    }

    private String text(String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }
}
