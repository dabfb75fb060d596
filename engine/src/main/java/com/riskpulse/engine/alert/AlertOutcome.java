package com.riskpulse.engine.alert;

/** What an analyst's command on an alert did. Only {@link Done} changed anything. */
public sealed interface AlertOutcome {

    /** The command was applied; {@code alert} is the new state (with its new version). */
    record Done(Alert alert) implements AlertOutcome {
    }

    /** No alert has that id. */
    record NotFound(long alertId) implements AlertOutcome {
    }

    /** The lifecycle does not allow it (e.g. acknowledging a resolved alert); nothing was changed. */
    record IllegalTransition(AlertStatus from, AlertStatus to, String message) implements AlertOutcome {
    }

    /** Someone else changed the alert first (its version moved on); reload and decide again. */
    record Conflict(String message) implements AlertOutcome {
    }
}
