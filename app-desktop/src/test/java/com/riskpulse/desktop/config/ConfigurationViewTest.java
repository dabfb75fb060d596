package com.riskpulse.desktop.config;

import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The configuration screen in a real (headless) window over the embedded engine, driven by TestFX's robot. */
class ConfigurationViewTest {

    @TempDir
    Path dataDir;

    private final FxRobot robot = new FxRobot();
    private TestEngine engine;
    private RiskClient client;
    private ScreenHarness harness;

    @BeforeEach
    void start() throws TimeoutException {
        engine = TestEngine.start(dataDir);
        client = engine.admin();
        engine.ordinaryTraffic(300);
        for (int i = 0; i < 5; i++) engine.cardTestingBurst("card-" + i);
        await().atMost(Duration.ofSeconds(30)).until(() -> client.latest(1000).size() >= 300 + 5 * 40);
        harness = new ScreenHarness(client);
    }

    @AfterEach
    void stop() throws TimeoutException {
        harness.close();
        engine.close();
    }

    @Test
    void anAdminFixesABadThresholdPreviewsItAndSavesAndTheNextAssessmentsUseIt() throws TimeoutException {
        harness.show(ConfigurationView::new, 1280, 800);
        await().atMost(Duration.ofSeconds(10)).until(() -> label("#versionLabel").getText().startsWith("Version 1"));
        assertThat(field("#highField").getText()).isEqualTo("0.8");

        type("#highField", "1.5");
        await().atMost(Duration.ofSeconds(5)).until(() -> label("#highProblem").getText().contains("must be in [0, 1]"));
        assertThat(button("#saveButton").isDisabled()).isTrue();
        assertThat(button("#previewButton").isDisabled()).isTrue();
        assertThat(robot.lookup("#problemsList").queryListView().getItems()).anySatisfy(p -> assertThat(p.toString()).startsWith("thresholds.high:"));

        type("#highField", "abc");
        await().atMost(Duration.ofSeconds(5)).until(() -> label("#highProblem").getText().equals("not a number"));

        type("#highField", "0.51");
        await().atMost(Duration.ofSeconds(5)).until(() -> label("#highProblem").getText().isEmpty());
        assertThat(button("#saveButton").isDisabled()).isFalse();
        assertThat(label("#changesLabel").getText()).isEqualTo("1 changed field");

        robot.clickOn("#previewButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> label("#previewSummary").getText().contains("would change level"));
        ListView<?> transitions = robot.lookup("#transitionsList").queryListView();
        assertThat(transitions.getItems()).anySatisfy(t -> assertThat(t.toString()).startsWith("MEDIUM->HIGH: "));
        assertThat(client.config().version()).as("a preview changes nothing").isEqualTo(1);
        Screenshots.save(harness.stage().getScene(), "configuration");

        robot.clickOn("#commentField").write("catch card testing earlier");
        robot.clickOn("#saveButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> label("#versionLabel").getText().startsWith("Version 2"));
        assertThat(harness.navigator().notifications).containsExactly("Configuration v2 saved");
        assertThat(harness.navigator().errors).isEmpty();
        assertThat(button("#saveButton").isDisabled()).as("nothing changed against v2").isTrue();

        engine.ordinaryTraffic(20);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.latest(20)).hasSize(20).allSatisfy(r -> assertThat(r.configVersion()).isEqualTo(2)));
    }

    /** Replaces the field's text by typing, as a user selecting it all and typing over it would. */
    private void type(String query, String text) {
        TextField input = field(query);
        robot.clickOn(query);
        robot.interact(input::selectAll);
        robot.write(text);
    }

    private Label label(String query) {
        return robot.lookup(query).queryAs(Label.class);
    }

    private TextField field(String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private Button button(String query) {
        return robot.lookup(query).queryAs(Button.class);
    }
}
