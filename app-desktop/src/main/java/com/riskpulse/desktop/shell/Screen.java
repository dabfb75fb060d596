package com.riskpulse.desktop.shell;

import javafx.scene.Parent;

/** One screen of the main window (dashboard, alert queue, ...): a view over its view-model. */
public interface Screen extends AutoCloseable {

    /** The title in the navigation and the window. */
    String title();

    /** The view's root node, built once. */
    Parent root();

    /** Called each time the screen is shown: refresh what is not live. */
    default void onShow() {
    }

    /** Unregisters from the live feed and stops timers. */
    @Override
    default void close() {
    }
}
