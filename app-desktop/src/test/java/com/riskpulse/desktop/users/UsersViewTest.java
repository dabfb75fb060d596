package com.riskpulse.desktop.users;

import com.riskpulse.desktop.testing.ScreenHarness;
import com.riskpulse.desktop.testing.Screenshots;
import com.riskpulse.desktop.testing.TestEngine;
import com.riskpulse.engine.api.UserView;
import com.riskpulse.engine.client.RiskClient;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The users screen in a real window over the embedded engine. */
class UsersViewTest {

    @TempDir
    Path data;
    TestEngine engine;
    ScreenHarness harness;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start(data);
        RiskClient client = engine.admin();
        client.createUser("ann.analyst", "ann@example.com", "ann-password-12", "analyst");
        UserView old = client.createUser("otto", "otto@example.com", "otto-password-1", "viewer");
        client.disableUser(old.id());
        harness = new ScreenHarness(client);
        harness.show(UsersView::new, 1280, 800);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        engine.close();
    }

    @Test
    void aUserCreatedThroughTheFormAppearsInTheTable() {
        TableView<UserView> table = robot.lookup("#usersTable").queryTableView();
        await().until(() -> table.getItems().size() == 3);

        robot.clickOn("#usernameField").write("ann.analyst");
        robot.clickOn("#emailField").write("second@example.com");
        robot.clickOn("#passwordField").write("some-password-1");
        robot.clickOn("#createButton");
        Label usernameError = robot.lookup("#usernameError").queryAs(Label.class);
        await().until(() -> usernameError.getText().contains("already taken"));

        robot.doubleClickOn("#usernameField").eraseText("ann.analyst".length()).write("dana");
        robot.doubleClickOn("#emailField").eraseText("second@example.com".length()).write("dana@example.com");
        robot.clickOn("#passwordField").eraseText("some-password-1".length()).write("dana-password-1");
        robot.clickOn("#createButton");
        await().until(() -> table.getItems().stream().anyMatch(u -> u.username().equals("dana")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(usernameError.getText()).isEmpty();
        assertThat(table.getItems()).filteredOn(u -> u.username().equals("dana")).singleElement()
                .satisfies(u -> assertThat(u.role()).isEqualTo("viewer"))
                .satisfies(u -> assertThat(u.email()).isEqualTo("dana@example.com"));
        assertThat(harness.navigator().errors).isEmpty();

        robot.clickOn("dana");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(harness.stage().getScene(), "users");
    }
}
