package com.riskpulse.desktop.statusbar;

import com.riskpulse.desktop.fx.Fxml;
import com.riskpulse.desktop.shell.MainWindow;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.client.ConnectionState;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;

import java.util.Locale;

/** The console's status bar, under every screen: mode, location, connection, pace, lag, user. */
public final class StatusBarView implements MainWindow.StatusBar {

    @FXML private Label modeLabel;
    @FXML private Label locationLabel;
    @FXML private Label connectionLabel;
    @FXML private Label rateLabel;
    @FXML private Label lagLabel;
    @FXML private Label droppedLabel;
    @FXML private Label userLabel;

    private final StatusBarViewModel viewModel;
    private final Parent root;

    public StatusBarView(ScreenContext ctx) {
        this.viewModel = new StatusBarViewModel(ctx);
        this.root = Fxml.load(this);
        viewModel.start();
    }

    @FXML
    private void initialize() {
        modeLabel.textProperty().bind(viewModel.mode());
        locationLabel.textProperty().bind(viewModel.location());
        connectionLabel.textProperty().bind(viewModel.connectionText());
        rateLabel.textProperty().bind(viewModel.rate());
        lagLabel.textProperty().bind(viewModel.lag());
        droppedLabel.textProperty().bind(viewModel.dropped());
        userLabel.textProperty().bind(viewModel.user());
        showState(viewModel.connection().get());
        viewModel.connection().addListener((o, old, state) -> showState(state));
    }

    /** The connection's colour: a style class per state. */
    private void showState(ConnectionState state) {
        connectionLabel.getStyleClass().removeIf(s -> s.startsWith("state-"));
        if (state != null) connectionLabel.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }

    public StatusBarViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
