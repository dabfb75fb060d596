package com.riskpulse.engine.explain;

/**
 * One section of a knowledge document, as retrieved.
 *
 * @param document file name of the document, e.g. {@code card-testing.md}
 * @param title    the document's title (its first heading)
 * @param section  the section's heading
 * @param text     the section's text
 * @param score    cosine similarity with the query (0 when not retrieved by similarity)
 */
public record Passage(String document, String title, String section, String text, double score) {

    /** {@code card-testing.md § Pattern}: how an explanation cites it. */
    public String citation() {
        return document + " § " + section;
    }

    Passage withScore(double s) {
        return new Passage(document, title, section, text, s);
    }
}
