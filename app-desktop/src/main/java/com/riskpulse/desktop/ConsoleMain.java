package com.riskpulse.desktop;

import com.riskpulse.engine.RiskEngine;
import com.riskpulse.engine.config.Environment;
import javafx.application.Application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Starts the console. A separate class from {@link ConsoleApp} so that it runs with JavaFX on the class path
 * (the Java launcher refuses a main class that extends Application unless JavaFX is on the module path).
 *
 * <p>{@code --self-test <folder>} starts and stops an embedded engine in that folder (H2, migrations, Hibernate,
 * the pipeline) and loads the console's JavaFX classes, without opening a window: the packaging build runs it on the
 * packaged application to prove its runtime image holds everything.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--self-test")) {
            selfTest(Path.of(args.length > 1 ? args[1] : Files.createTempDirectory("riskpulse-self-test").toString()));
            return;
        }
        Application.launch(ConsoleApp.class, args);
    }

    private static void selfTest(Path folder) throws ClassNotFoundException {
        for (String name : List.of("javafx.scene.control.TableView", "javafx.scene.chart.LineChart", "javafx.fxml.FXMLLoader",
                "javafx.embed.swing.SwingFXUtils", "atlantafx.base.theme.PrimerLight", "org.controlsfx.control.ToggleSwitch",
                ConsoleApp.class.getName())) {
            Class.forName(name, false, ConsoleMain.class.getClassLoader());
        }
        Map<String, String> env = Map.of("RISKPULSE_DATA_DIR", folder.toString(), "SIMULATOR_ENABLED", "false");
        try (RiskEngine engine = RiskEngine.start(Environment.of(env), RiskEngine.Mode.EMBEDDED, Clock.systemUTC())) {
            if (!engine.database().answers() || !engine.pipeline().isRunning()) {
                throw new IllegalStateException("self-test: the engine started but is not healthy");
            }
        }
        System.out.println("RiskPulse self-test passed: JavaFX classes present, embedded engine started and stopped in " + folder);
    }
}
