package com.riskpulse.engine.event;

/**
 * Why an input was not accepted as an event. {@code field} names the offending JSON field
 * (snake_case, as on the wire), or is null when the input as a whole is unreadable.
 *
 * @param eventId the event's id when it could be read, so a client can match its answer
 * @param field   the wire name of the bad field, or null
 * @param reason  a sentence a person can act on
 * @param input   the raw input, cut to a bounded length, for the dead-letter record
 */
public record Rejection(String eventId, String field, String reason, String input) {

    /** Inputs are kept for diagnosis only; a huge body must not become a huge dead letter. */
    public static final int MAX_INPUT_CHARS = 4_096;

    public Rejection {
        if (input != null && input.length() > MAX_INPUT_CHARS) {
            input = input.substring(0, MAX_INPUT_CHARS) + "…";
        }
    }

    @Override
    public String toString() {
        return (field == null ? "" : field + ": ") + reason;
    }
}
