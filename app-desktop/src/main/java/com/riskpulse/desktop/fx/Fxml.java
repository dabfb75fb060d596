package com.riskpulse.desktop.fx;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/**
 * Loads a view's FXML, named after the view class and kept next to it in resources
 * ({@code alertqueue/AlertQueueView.java} → {@code alertqueue/AlertQueueView.fxml}), with the view as controller.
 * The view's stylesheet of the same name ({@code .css}) is added when present.
 */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(Object view) {
        Class<?> type = view.getClass();
        URL fxml = type.getResource(type.getSimpleName() + ".fxml");
        if (fxml == null) throw new IllegalStateException("no " + type.getSimpleName() + ".fxml next to " + type.getName());
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setController(view);
        try {
            Parent root = loader.load();
            URL css = type.getResource(type.getSimpleName() + ".css");
            if (css != null) root.getStylesheets().add(css.toExternalForm());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }
}
