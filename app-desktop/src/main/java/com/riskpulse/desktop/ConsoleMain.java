package com.riskpulse.desktop;

import javafx.application.Application;

/**
 * Starts the console. A separate class from {@link ConsoleApp} so that it runs with JavaFX on the class path
 * (the Java launcher refuses a main class that extends Application unless JavaFX is on the module path).
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        Application.launch(ConsoleApp.class, args);
    }
}
