package com.riskpulse.engine.alert;

/**
 * What happened to an alert, told to live clients ({@link AlertFeed#subscribe}). Each carries the alert as
 * it is after the change.
 */
public sealed interface AlertChange {

    Alert alert();

    /** The change's name on the wire: raised, updated, acknowledged, assigned or resolved. */
    default String kind() {
        return switch (this) {
            case Raised r -> "raised";
            case Updated u -> "updated";
            case Acknowledged k -> "acknowledged";
            case Assigned s -> "assigned";
            case Resolved r -> "resolved";
        };
    }

    /** The policy opened a new alert. */
    record Raised(Alert alert) implements AlertChange {
    }

    /** New events joined an open alert (one change per alert per written batch, not per event). */
    record Updated(Alert alert) implements AlertChange {
    }

    record Acknowledged(Alert alert) implements AlertChange {
    }

    record Assigned(Alert alert) implements AlertChange {
    }

    record Resolved(Alert alert) implements AlertChange {
    }
}
