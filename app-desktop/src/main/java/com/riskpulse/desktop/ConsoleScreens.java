package com.riskpulse.desktop;

import com.riskpulse.desktop.config.ConfigurationView;
import com.riskpulse.desktop.shell.MainWindow;
import com.riskpulse.desktop.shell.ScreenContext;
import com.riskpulse.engine.auth.Permission;
import javafx.scene.Parent;
import javafx.scene.control.Label;

import java.util.List;

/** The console's screens, in navigation order, with who may see them; and its status bar. */
final class ConsoleScreens {

    private ConsoleScreens() {
    }

    static List<MainWindow.Entry> entries() {
        return List.of(
                new MainWindow.Entry("config", "Configuration", Permission.CHANGE_CONFIG, true, ConfigurationView::new, null));
    }

    static MainWindow.StatusBar statusBar(ScreenContext context) {
        Label where = new Label(context.client().location());
        return new MainWindow.StatusBar() {
            @Override
            public Parent root() {
                return where;
            }

            @Override
            public void close() {
            }
        };
    }
}
