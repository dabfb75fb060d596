package com.riskpulse.desktop.dashboard;

import com.riskpulse.engine.api.LiveAssessment;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row of the dashboard's live feed, formatted once when it arrives (a table re-reading records is cheap; formatting
 * 5,000 amounts a second on every repaint would not be).
 *
 * @param time   the event's time: time of day when it happened today, else month-day and time
 * @param amount amount and currency, empty when the event has none
 * @param level  lower case: low, medium, high, critical
 */
public record FeedRow(long riskId, String time, String entity, String type, String amount, double score, String level) {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    public static FeedRow of(LiveAssessment a, ZonedDateTime now) {
        String time = "";
        if (a.timestamp() != null) {
            ZonedDateTime at = a.timestamp().atZone(now.getZone());
            time = (at.toLocalDate().equals(now.toLocalDate()) ? TODAY : EARLIER).format(at);
        }
        String amount = a.amount() == null ? "" : String.format(Locale.ROOT, "%,.2f %s", a.amount(), a.currency() == null ? "" : a.currency()).strip();
        return new FeedRow(a.riskId(), time, a.entityId(), a.eventType(), amount, a.score(), a.level());
    }

    /** The score as the table shows it. */
    public String scoreText() {
        return String.format(Locale.ROOT, "%.3f", score);
    }
}
