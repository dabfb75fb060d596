package com.riskpulse.desktop.start;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.start.StartViewModel.Phase;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The start screen's view: binds {@link StartViewModel} and forwards clicks. */
public final class StartView {

    private final StartViewModel model;
    private final Parent root;

    @FXML private VBox choosePane;
    @FXML private VBox firstAdminPane;
    @FXML private VBox loginPane;
    @FXML private RadioButton embeddedChoice;
    @FXML private RadioButton serverChoice;
    @FXML private TextField serverUrl;
    @FXML private Button connectButton;
    @FXML private PasswordField adminPassword;
    @FXML private PasswordField adminConfirm;
    @FXML private Button createAdminButton;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private Button loginButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label status;
    @FXML private Label error;
    @FXML private Hyperlink backLink;

    public StartView(StartViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        (model.serverMode().get() ? serverChoice : embeddedChoice).setSelected(true);
        model.serverMode().bind(serverChoice.selectedProperty());
        serverUrl.textProperty().bindBidirectional(model.serverUrl());
        serverUrl.disableProperty().bind(serverChoice.selectedProperty().not());
        adminPassword.textProperty().bindBidirectional(model.adminPassword());
        adminConfirm.textProperty().bindBidirectional(model.adminConfirm());
        username.textProperty().bindBidirectional(model.username());
        password.textProperty().bindBidirectional(model.password());
        status.textProperty().bind(model.status());
        error.textProperty().bind(model.error());
        showIn(choosePane, Phase.CHOOSE, Phase.CONNECTING);
        showIn(firstAdminPane, Phase.FIRST_ADMIN);
        showIn(loginPane, Phase.LOGIN, Phase.LOGGING_IN);
        choosePane.disableProperty().bind(model.busy());
        firstAdminPane.disableProperty().bind(model.busy());
        loginPane.disableProperty().bind(model.busy());
        progress.visibleProperty().bind(model.busy());
        visible(backLink, Bindings.createBooleanBinding(() -> model.phase().get() == Phase.LOGIN
                || model.phase().get() == Phase.FIRST_ADMIN, model.phase()));
        visible(error, model.error().isNotEmpty());
        // one default button at a time: Enter acts on the pane in view (three would leave Enter to the first one)
        connectButton.defaultButtonProperty().bind(choosePane.visibleProperty());
        createAdminButton.defaultButtonProperty().bind(firstAdminPane.visibleProperty());
        loginButton.defaultButtonProperty().bind(loginPane.visibleProperty());
        connectButton.setOnAction(e -> model.connect());
        createAdminButton.setOnAction(e -> model.createFirstAdmin());
        loginButton.setOnAction(e -> model.login());
        backLink.setOnAction(e -> model.back());
        model.phase().addListener((obs, was, now) -> focusFor(now));
    }

    private void showIn(Node pane, Phase... phases) {
        visible(pane, Bindings.createBooleanBinding(() -> java.util.List.of(phases).contains(model.phase().get()), model.phase()));
    }

    private static void visible(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private void focusFor(Phase phase) {
        switch (phase) {
            case FIRST_ADMIN -> adminPassword.requestFocus();
            case LOGIN -> (username.getText().isBlank() ? username : password).requestFocus();
            default -> { }
        }
    }

    public Parent root() {
        return root;
    }
}
