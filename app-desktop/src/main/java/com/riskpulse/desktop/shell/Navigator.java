package com.riskpulse.desktop.shell;

/** How a screen opens another: the main window implements it; view-model tests record the calls. */
public interface Navigator {

    /** Opens the assessment detail (event, features against baseline, contributions, explanation, history). */
    void showAssessment(long riskId);

    /** Opens the alert queue with this alert selected. */
    void showAlert(long alertId);

    /** Shows a readable error (a dialog in the console). */
    void showError(String title, String message);

    /** Shows a short notification that goes away by itself (a new alert, a saved change). */
    void notify(String message);
}
