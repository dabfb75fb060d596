package com.riskpulse.desktop.start;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.fx.Errors;
import com.riskpulse.engine.client.RiskClient;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * The start screen: choose this computer or a server, connect (starting the embedded engine takes a few seconds),
 * create the first admin on a fresh data folder, log in. Hands the logged-in client to the main window.
 */
public final class StartViewModel {

    /** Where the start screen is. */
    public enum Phase { CHOOSE, CONNECTING, FIRST_ADMIN, LOGIN, LOGGING_IN }

    /** Shortest password the console accepts for the first admin (the engine's policy may ask for more). */
    static final int MIN_PASSWORD = 10;

    private final ClientFactory clients;
    private final ConsolePreferences preferences;
    private final Background background;
    private final Consumer<RiskClient> onLoggedIn;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.CHOOSE);
    private final BooleanProperty serverMode = new SimpleBooleanProperty();
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty adminPassword = new SimpleStringProperty("");
    private final StringProperty adminConfirm = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private RiskClient client;

    public StartViewModel(ClientFactory clients, ConsolePreferences preferences, Background background, Consumer<RiskClient> onLoggedIn) {
        this.clients = clients;
        this.preferences = preferences;
        this.background = background;
        this.onLoggedIn = onLoggedIn;
        serverMode.set(preferences.serverMode());
        serverUrl.set(preferences.serverUrl().orElse("http://localhost:8000"));
        username.set(preferences.username().orElse("admin"));
    }

    /** Back to the login of a client still open (after "log out"). */
    public void resume(RiskClient open) {
        client = open;
        password.set("");
        error.set("");
        status.set("Connected to " + open.location());
        phase.set(Phase.LOGIN);
    }

    public void connect() {
        if (phase.get() != Phase.CHOOSE) return;
        Connection connection;
        try {
            connection = serverMode.get() ? new Connection.Server(serverUrl.get()) : new Connection.ThisComputer();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set("");
        status.set(serverMode.get() ? "Connecting to " + serverUrl.get().strip() + "…" : "Starting the engine on this computer…");
        phase.set(Phase.CONNECTING);
        background.run(() -> {
            RiskClient opened = clients.open(connection);
            try {
                return new Opened(opened, opened.needsFirstAdmin());
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            client = opened.client();
            preferences.remember(connection);
            status.set("Connected to " + client.location());
            phase.set(opened.needsFirstAdmin() ? Phase.FIRST_ADMIN : Phase.LOGIN);
        }, e -> {
            error.set(Errors.readable(e));
            status.set("");
            phase.set(Phase.CHOOSE);
        });
    }

    private record Opened(RiskClient client, boolean needsFirstAdmin) {
    }

    /** Creates the first admin with the password typed twice, then logs in as that admin. */
    public void createFirstAdmin() {
        if (phase.get() != Phase.FIRST_ADMIN) return;
        String chosen = adminPassword.get();
        if (chosen == null || chosen.length() < MIN_PASSWORD) {
            error.set("Choose a password of at least " + MIN_PASSWORD + " characters.");
            return;
        }
        if (!chosen.equals(adminConfirm.get())) {
            error.set("The two passwords differ.");
            return;
        }
        error.set("");
        phase.set(Phase.LOGGING_IN);
        RiskClient c = client;
        background.run(() -> {
            String admin = c.createFirstAdmin(chosen).username();
            c.login(admin, chosen);
            return admin;
        }, admin -> loggedIn(admin), e -> {
            error.set(Errors.readable(e));
            phase.set(Phase.FIRST_ADMIN);
        });
    }

    public void login() {
        if (phase.get() != Phase.LOGIN) return;
        String user = username.get() == null ? "" : username.get().strip();
        if (user.isEmpty() || password.get() == null || password.get().isEmpty()) {
            error.set("Enter your username and password.");
            return;
        }
        error.set("");
        phase.set(Phase.LOGGING_IN);
        RiskClient c = client;
        String secret = password.get();
        background.run(() -> c.login(user, secret), account -> loggedIn(account.username()), e -> {
            error.set(Errors.readable(e));
            password.set("");
            phase.set(Phase.LOGIN);
        });
    }

    private void loggedIn(String user) {
        preferences.rememberUsername(user);
        password.set("");
        adminPassword.set("");
        adminConfirm.set("");
        RiskClient c = client;
        phase.set(Phase.LOGIN); // the screen stays usable if the main window is closed again
        onLoggedIn.accept(c);
    }

    /** Leaves the connection (closing an embedded engine) and goes back to the choice. */
    public void back() {
        RiskClient c = client;
        client = null;
        error.set("");
        status.set("");
        phase.set(Phase.CHOOSE);
        if (c != null) background.execute(c::close, () -> { }, e -> error.set(Errors.readable(e)));
    }

    /** The client opened so far (none before connecting). */
    public RiskClient client() {
        return client;
    }

    public ReadOnlyObjectProperty<Phase> phase() {
        return phase;
    }

    public BooleanBinding busy() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.CONNECTING || phase.get() == Phase.LOGGING_IN, phase);
    }

    public BooleanProperty serverMode() {
        return serverMode;
    }

    public StringProperty serverUrl() {
        return serverUrl;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty adminPassword() {
        return adminPassword;
    }

    public StringProperty adminConfirm() {
        return adminConfirm;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty status() {
        return status;
    }
}
