package com.riskpulse.desktop;

import atlantafx.base.theme.PrimerLight;
import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.MainWindow;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.desktop.start.ClientFactory;
import com.riskpulse.desktop.start.ConsolePreferences;
import com.riskpulse.desktop.start.StandardClients;
import com.riskpulse.desktop.start.StartView;
import com.riskpulse.desktop.start.StartViewModel;
import com.riskpulse.engine.client.RiskClient;
import com.riskpulse.engine.client.RiskClientException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The analyst console: the start screen (this computer or a server, first admin, log in), then the main window over
 * the chosen {@link RiskClient}. Logging out returns to the log-in of the same connection; closing the window closes
 * the client (an embedded engine drains its pipeline to storage first).
 */
public final class ConsoleApp extends Application {

    public static final double WIDTH = 1280, HEIGHT = 800;

    private final ClientFactory clients;
    private final ConsolePreferences preferences;
    private final ExecutorService workers = Executors.newCachedThreadPool(Thread.ofPlatform().name("console-worker-", 0).daemon().factory());
    private final Background background = new Background(workers, Platform::runLater, this::sessionEndedIfRefused);
    private Stage stage;
    private Scene scene;
    private Parent startRoot;
    private StartViewModel start;
    private volatile RiskClient client;
    /**
     * SIGTERM (the desktop session ending, {@code kill}) skips {@link #stop()}: close the client anyway, so that an
     * embedded engine drains its pipeline into the database before the process goes.
     */
    private final Thread closeOnSignal = new Thread(this::closeClient, "riskpulse-console-shutdown");
    private LiveFeed live;
    private MainWindow main;
    private MainWindow.ForwardingNavigator navigator;

    /** The real console: clients and preferences from the environment and the data folder. */
    public ConsoleApp() {
        this(StandardClients.fromProcess());
    }

    private ConsoleApp(StandardClients clients) {
        this(clients, ConsolePreferences.in(clients.dataDir()));
    }

    public ConsoleApp(ClientFactory clients, ConsolePreferences preferences) {
        this.clients = clients;
        this.preferences = preferences;
    }

    @Override
    public void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
        start = new StartViewModel(clients, preferences, background, this::openMainWindow);
        startRoot = new StartView(start).root();
        scene = new Scene(startRoot, WIDTH, HEIGHT);
        stage.setTitle("RiskPulse");
        stage.setScene(scene);
        stage.show();
        Runtime.getRuntime().addShutdownHook(closeOnSignal);
    }

    private void openMainWindow(RiskClient loggedIn) {
        client = loggedIn;
        live = new LiveFeed(loggedIn);
        navigator = new MainWindow.ForwardingNavigator();
        ScreenContext context = new ScreenContext(loggedIn, background, live, navigator, Clock.systemDefaultZone());
        main = new MainWindow(context, ConsoleScreens.entries(), ConsoleScreens::statusBar, this::logOut);
        navigator.to(main);
        main.prepare("alerts"); // new alerts are announced on every screen, not only once the queue was opened
        scene.setRoot(main.root());
        stage.setTitle("RiskPulse — " + (loggedIn.kind() == RiskClient.Kind.EMBEDDED ? "This computer" : loggedIn.location()));
        background.execute(() -> live.start(false), () -> live.startFrames(), e -> main.showError("Live stream", e.getMessage()));
    }

    private void logOut() {
        closeMainWindow();
        RiskClient c = client;
        c.logout();
        scene.setRoot(startRoot);
        stage.setTitle("RiskPulse");
        start.resume(c);
    }

    /**
     * A 401 while logged in means the session is over (the token expired, the account was disabled or deleted):
     * back to the log-in, saying so, instead of an error dialog on every screen.
     */
    private void sessionEndedIfRefused(Throwable error) {
        if (main == null || !(error instanceof RiskClientException refused) || refused.status() != 401) return;
        logOut();
        start.error().set("Your session has ended (" + refused.getMessage() + "). Log in again.");
    }

    private void closeMainWindow() {
        if (navigator != null) navigator.to(null); // late answers of the closed screens have nowhere to show
        if (main != null) main.close();
        if (live != null) live.close();
        main = null;
        live = null;
    }

    /** The main window, once logged in (for tests and screenshots). */
    public MainWindow mainWindow() {
        return main;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void stop() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnSignal);
        } catch (IllegalStateException alreadyShuttingDown) {
            return; // the hook closes the client
        }
        closeMainWindow();
        closeClient();
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void closeClient() {
        RiskClient c = client != null ? client : start == null ? null : start.client();
        if (c != null) c.close();
    }
}
