package com.riskpulse.desktop.start;

import com.riskpulse.desktop.ConsoleApp;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real console's start screen, driven by TestFX on a fresh embedded engine: first admin, log out, log in. */
class StartScreenTest extends FxRobot {

    @TempDir
    Path dataDir;
    @TempDir
    Path prefsDir;

    private TestEngine engine;
    private ConsoleApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        if (engine != null) engine.close();
    }

    private void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(c -> engine.client(), ConsolePreferences.in(prefsDir)));
    }

    private boolean showing(String query) {
        return lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void onAFreshDataFolderTheConsoleAsksForTheFirstAdminThenOpensTheMainWindow() throws Exception {
        engine = TestEngine.fresh(dataDir);
        launch();
        clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> showing("#firstAdminPane"));
        clickOn("#adminPassword").write("first-admin-secret");
        clickOn("#adminConfirm").write("first-admin-secret");
        Screenshots.save(app.stage().getScene(), "start-first-admin");
        type(javafx.scene.input.KeyCode.ENTER);

        await().atMost(Duration.ofSeconds(20)).until(() -> showing("#logoutButton"));
        assertThat(lookup("#currentUser").queryAs(Label.class).getText()).isEqualTo("admin · admin");
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndLoggingOutReturnsToTheLogIn() throws Exception {
        engine = TestEngine.start(dataDir);
        launch();
        clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> showing("#loginPane"));
        doubleClickOn("#username").write(TestEngine.ADMIN);
        clickOn("#password").write("wrong-password");
        clickOn("#loginButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> showing("#startError"));
        assertThat(lookup("#startError").queryAs(Label.class).getText()).startsWith("Not logged in");

        clickOn("#password").write(TestEngine.ADMIN_PASSWORD);
        Screenshots.save(app.stage().getScene(), "start-login");
        type(javafx.scene.input.KeyCode.ENTER); // Enter logs in: the log-in's button is the default one now
        await().atMost(Duration.ofSeconds(20)).until(() -> showing("#logoutButton"));

        clickOn("#logoutButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> showing("#loginPane"));
        assertThat(engine.client().currentUser()).isEmpty();
    }
}
