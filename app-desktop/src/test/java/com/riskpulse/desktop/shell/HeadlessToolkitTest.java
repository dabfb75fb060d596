package com.riskpulse.desktop.shell;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

/** Proves the UI tests' set-up: a real JavaFX window, clicked by TestFX's robot, with no display (Monocle). */
class HeadlessToolkitTest extends ApplicationTest {

    @Override
    public void start(Stage stage) {
        Label label = new Label("not clicked");
        label.setId("label");
        Button button = new Button("Click me");
        button.setId("button");
        button.setOnAction(e -> label.setText("clicked"));
        stage.setScene(new Scene(new VBox(button, label), 200, 100));
        stage.show();
    }

    @Test
    void aClickOnARealButtonChangesTheLabel() {
        clickOn("#button");
        verifyThat("#label", hasText("clicked"));
    }
}
