package com.riskpulse.desktop.bench;

import com.riskpulse.desktop.ConsoleApp;
import com.riskpulse.desktop.start.ConsolePreferences;
import com.riskpulse.desktop.start.StandardClients;
import com.riskpulse.desktop.testing.LiveSceneRobot;
import com.riskpulse.engine.config.Environment;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Launch → first live point on screen, measured in a fresh JVM: the real console (headless Monocle, software
 * rendering) starts, the robot clicks "This computer" → Connect, logs in as the first admin (preset with
 * {@code ADMIN_PASSWORD}, so no password dialog), and the clock stops when the dashboard's score chart holds its first
 * point from the simulator. Prints one line of phases in milliseconds since the JVM started. Run it several times (each
 * in its own JVM): see {@code docs/benchmarks.md}. Argument {@code --reuse <folder>} starts on an existing data folder
 * instead of a fresh one (a second start: no migrations, no first-time set-up).
 */
public final class ConsoleLaunchRun {

    private static final String PASSWORD = "launch-run-password-1";

    private ConsoleLaunchRun() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Path dataDir = args.length > 1 && args[0].equals("--reuse") ? Path.of(args[1]) : Files.createTempDirectory("riskpulse-launch");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        Environment env = Environment.of(Map.of("RISKPULSE_DATA_DIR", dataDir.toString(), "ADMIN_PASSWORD", PASSWORD,
                "SIMULATOR_ENABLED", "true", "SIMULATOR_RATE", "200"));
        FxToolkit.registerPrimaryStage();
        long toolkit = System.currentTimeMillis();
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(
                new StandardClients(env, java.time.Clock.systemUTC()), ConsolePreferences.in(dataDir)));
        long window = System.currentTimeMillis();
        FxRobot robot = new LiveSceneRobot();
        robot.clickOn("#embeddedChoice").clickOn("#connectButton");
        waitUntil(() -> visible(robot, "#loginPane"), 120);
        long connected = System.currentTimeMillis();
        TextField username = robot.lookup("#username").queryAs(TextField.class);
        robot.interact(() -> username.setText("admin"));
        robot.interact(() -> robot.lookup("#password").queryAs(TextField.class).setText(PASSWORD));
        robot.clickOn("#loginButton");
        waitUntil(() -> visible(robot, "#scoreChart"), 60);
        long loggedIn = System.currentTimeMillis();
        @SuppressWarnings("unchecked") LineChart<Number, Number> scores = robot.lookup("#scoreChart").queryAs(LineChart.class);
        waitUntil(() -> onFx(() -> !scores.getData().isEmpty() && !scores.getData().getFirst().getData().isEmpty()), 60);
        long firstPoint = System.currentTimeMillis();

        System.out.printf(Locale.ROOT, "launch run (%s data folder): toolkit %d ms, start screen %d ms, engine started %d ms, "
                        + "logged in %d ms, FIRST LIVE POINT %d ms after JVM start (%d ms of it the robot's clicks and the engine's start)%n",
                args.length > 1 ? "existing" : "fresh", toolkit - jvmStart, window - jvmStart, connected - jvmStart,
                loggedIn - jvmStart, firstPoint - jvmStart, firstPoint - window);
        FxToolkit.cleanupApplication(app);
        System.exit(0);
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Node::isVisible).orElse(false);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gave up after " + seconds + " s");
            Thread.sleep(5);
        }
    }
}
