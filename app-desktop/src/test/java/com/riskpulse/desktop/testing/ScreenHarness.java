package com.riskpulse.desktop.testing;

import com.riskpulse.desktop.fx.Background;
import com.riskpulse.desktop.shell.LiveFeed;
import com.riskpulse.desktop.shell.Navigator;
import com.riskpulse.desktop.shell.Screen;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.client.RiskClient;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Shows one screen, built over a real client, in a real stage (headless under Monocle), the way the main window
 * would: a background thread pool with {@code Platform::runLater}, the shared live feed flushed per frame, and a
 * navigator that records what the screen asked for. For TestFX tests of a single screen.
 */
public final class ScreenHarness implements AutoCloseable {

    private final ExecutorService workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().factory());
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final ScreenContext context;
    private final Stage stage;
    private Screen screen;

    public ScreenHarness(RiskClient client) throws TimeoutException {
        this.stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        LiveFeed live = new LiveFeed(client);
        this.context = new ScreenContext(client, new Background(workers, Platform::runLater), live, navigator, Clock.systemUTC());
    }

    /** Builds the screen on the FX thread, starts the live feed and shows it in a window of the given size. */
    public <S extends Screen> S show(Function<ScreenContext, S> factory, double width, double height) throws TimeoutException {
        FxToolkit.setupStage(s -> {
            screen = factory.apply(context);
            context.live().start(true);
            s.setScene(new Scene(screen.root(), width, height));
            s.setTitle(screen.title());
            s.show();
            screen.onShow();
        });
        @SuppressWarnings("unchecked") S shown = (S) screen;
        return shown;
    }

    public ScreenContext context() {
        return context;
    }

    public Stage stage() {
        return stage;
    }

    public RecordingNavigator navigator() {
        return navigator;
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (screen != null) screen.close();
            context.live().close();
            stage.hide();
        });
        workers.shutdownNow();
    }

    /** Records navigation, errors and notifications instead of showing them. */
    public static final class RecordingNavigator implements Navigator {
        public final List<Long> assessments = new CopyOnWriteArrayList<>();
        public final List<Long> alerts = new CopyOnWriteArrayList<>();
        public final List<String> errors = new CopyOnWriteArrayList<>();
        public final List<String> notifications = new CopyOnWriteArrayList<>();

        @Override
        public void showAssessment(long riskId) {
            assessments.add(riskId);
        }

        @Override
        public void showAlert(long alertId) {
            alerts.add(alertId);
        }

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public void notify(String message) {
            notifications.add(message);
        }
    }
}
