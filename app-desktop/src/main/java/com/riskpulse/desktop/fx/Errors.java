package com.riskpulse.desktop.fx;

import com.riskpulse.engine.client.RiskClientException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures into one readable sentence for the analyst: never a stack trace. */
public final class Errors {

    private Errors() {
    }

    public static String readable(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
        if (e instanceof RiskClientException rce) {
            String what = switch (rce.status()) {
                case 401 -> "Not logged in or session expired";
                case 403 -> "Not allowed";
                case 404 -> "Not found";
                case 409 -> "Changed meanwhile";
                case 503 -> "Unavailable";
                default -> rce.status() >= 500 ? "Server error" : "Invalid input";
            };
            String problems = rce.problems().size() > 1 ? "\n• " + String.join("\n• ", rce.problems()) : "";
            return what + ": " + rce.getMessage() + problems;
        }
        if (e instanceof IllegalArgumentException) return "Invalid input: " + e.getMessage();
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
