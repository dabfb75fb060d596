package com.riskpulse.desktop.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a filter screen searches, as the analyst types it: a date and an optional time of day for each end
 * ("yesterday between 14:00 and 14:30"), turned into the instants [{@code from}, {@code to}) a query wants. Either
 * end may be missing (null): no bound on that side.
 *
 * <p>Times are 24 h {@code H:mm} or {@code HH:mm}, surrounding whitespace ignored. A blank 'from' time means the
 * start of the day (00:00); a blank 'to' time means the whole day. A 'to' time counts its whole minute: "14:30"
 * includes 14:30:59, so the exclusive bound is 14:31 (and a blank 'to' time behaves like 23:59).
 *
 * <p>Time zones: every bound is a wall-clock date and time resolved with {@link ZonedDateTime#of(LocalDateTime,
 * ZoneId)}, the exclusive 'to' bound being the wall-clock minute after the 'to' time. So a time in a daylight-saving
 * gap moves forward by the gap's length (02:30 on Berlin's spring-forward day is 03:30 CEST), and a time that
 * occurs twice in an autumn overlap means its first occurrence. That is the same rule the day-only filter used
 * ({@link LocalDate#atStartOfDay(ZoneId)}), so whole-day searches cover exactly what they did before.
 *
 * @param from at or after this instant; null: no lower bound
 * @param to   before this instant; null: no upper bound
 */
public record TimeRange(Instant from, Instant to) {

    /** No bound on either side. */
    public static final TimeRange ANY = new TimeRange(null, null);

    /** ASCII digits only; the hour and minute ranges are checked here too, so the error can quote the text. */
    private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3]):([0-5][0-9])");

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("'From' must be before 'to'.");
    }

    /**
     * The range the two dates and times describe, in {@code zone}.
     *
     * @throws IllegalArgumentException with one sentence for the analyst (the first problem, 'from' before 'to'):
     *                                  a malformed time, a time without its date, or 'from' not before 'to'
     */
    public static TimeRange of(LocalDate fromDate, String fromTime, LocalDate toDate, String toTime, ZoneId zone) {
        LocalTime fromClock = time("from", fromTime, fromDate);
        LocalTime toClock = time("to", toTime, toDate);
        Instant from = fromDate == null ? null
                : instant(fromDate.atTime(fromClock == null ? LocalTime.MIDNIGHT : fromClock), zone);
        Instant to = toDate == null ? null
                : instant(toClock == null ? toDate.plusDays(1).atStartOfDay() : toDate.atTime(toClock).plusMinutes(1), zone);
        return new TimeRange(from, to);
    }

    /** The time of day typed for one end (null when blank), or the reason it cannot be used. */
    private static LocalTime time(String end, String text, LocalDate date) {
        if (text == null || text.isBlank()) return null;
        String trimmed = text.strip();
        Matcher m = TIME.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + end + "' time: '" + trimmed + "' is not a time of day (HH:mm).");
        }
        if (date == null) throw new IllegalArgumentException("Give a date for the '" + end + "' time.");
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static Instant instant(LocalDateTime wallClock, ZoneId zone) {
        return ZonedDateTime.of(wallClock, zone).toInstant();
    }
}
