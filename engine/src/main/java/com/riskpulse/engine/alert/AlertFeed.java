package com.riskpulse.engine.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells live clients (WebSocket hub, console) about alert changes, from the policy's writer thread and
 * from the analysts' commands. Listeners are called on those threads and must return quickly; one that
 * throws is logged and the others still hear the change.
 */
public final class AlertFeed {

    private static final Logger log = LoggerFactory.getLogger(AlertFeed.class);

    private final CopyOnWriteArrayList<Consumer<AlertChange>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; closing the answer removes it. */
    public AutoCloseable subscribe(Consumer<AlertChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(AlertChange change) {
        for (Consumer<AlertChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("alert listener {} failed on {}", listener, change, e);
            }
        }
    }
}
