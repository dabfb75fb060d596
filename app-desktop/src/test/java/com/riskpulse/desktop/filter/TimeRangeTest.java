package com.riskpulse.desktop.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeRangeTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate DAY = LocalDate.of(2026, 5, 4);

    private static Instant utc(String text) {
        return Instant.parse(text);
    }

    @Test
    void datesWithoutTimesCoverWholeDays() {
        assertThat(TimeRange.of(DAY, "", DAY.plusDays(1), null, UTC))
                .isEqualTo(new TimeRange(utc("2026-05-04T00:00:00Z"), utc("2026-05-06T00:00:00Z")));
        assertThat(TimeRange.of(DAY, null, DAY, "  ", UTC))
                .isEqualTo(new TimeRange(utc("2026-05-04T00:00:00Z"), utc("2026-05-05T00:00:00Z")));
    }

    @Test
    void aToTimeIncludesItsWholeMinute() {
        assertThat(TimeRange.of(DAY, "14:00", DAY, "14:30", UTC))
                .isEqualTo(new TimeRange(utc("2026-05-04T14:00:00Z"), utc("2026-05-04T14:31:00Z")));
        assertThat(TimeRange.of(DAY, "14:30", DAY, "14:30", UTC).to()).isEqualTo(utc("2026-05-04T14:31:00Z"));
    }

    @Test
    void aToTimeOf2359EndsWhereABlankToTimeDoes() {
        assertThat(TimeRange.of(null, null, DAY, "23:59", UTC)).isEqualTo(TimeRange.of(null, null, DAY, "", UTC))
                .isEqualTo(new TimeRange(null, utc("2026-05-05T00:00:00Z")));
    }

    @Test
    void aBlankFromTimeIsMidnightAndABlankToTimeTheEndOfThatDay() {
        assertThat(TimeRange.of(DAY, " ", DAY, "9:15", UTC))
                .isEqualTo(new TimeRange(utc("2026-05-04T00:00:00Z"), utc("2026-05-04T09:16:00Z")));
        assertThat(TimeRange.of(DAY, "09:15", DAY, null, UTC))
                .isEqualTo(new TimeRange(utc("2026-05-04T09:15:00Z"), utc("2026-05-05T00:00:00Z")));
    }

    @Test
    void oneOrTwoDigitHoursAndSurroundingWhitespaceAreAccepted() {
        TimeRange expected = new TimeRange(utc("2026-05-04T09:05:00Z"), utc("2026-05-04T23:00:00Z"));
        assertThat(TimeRange.of(DAY, "9:05", DAY, "22:59", UTC)).isEqualTo(expected);
        assertThat(TimeRange.of(DAY, " 09:05\t", DAY, " 22:59 ", UTC)).isEqualTo(expected);
        assertThat(TimeRange.of(DAY, "0:00", null, null, UTC).from()).isEqualTo(utc("2026-05-04T00:00:00Z"));
    }

    @Test
    void aMissingDateLeavesThatSideOpen() {
        assertThat(TimeRange.of(DAY, "14:00", null, "", UTC)).isEqualTo(new TimeRange(utc("2026-05-04T14:00:00Z"), null));
        assertThat(TimeRange.of(null, "", DAY, "14:00", UTC)).isEqualTo(new TimeRange(null, utc("2026-05-04T14:01:00Z")));
        assertThat(TimeRange.of(null, null, null, null, UTC)).isEqualTo(TimeRange.ANY);
    }

    @Test
    void timesAreReadInTheGivenZone() {
        // Berlin in May is UTC+2
        assertThat(TimeRange.of(DAY, "14:00", DAY, "14:30", BERLIN))
                .isEqualTo(new TimeRange(utc("2026-05-04T12:00:00Z"), utc("2026-05-04T12:31:00Z")));
        assertThat(TimeRange.of(DAY, "14:00", DAY, "14:30", ZoneId.of("Asia/Kolkata")))
                .isEqualTo(new TimeRange(utc("2026-05-04T08:30:00Z"), utc("2026-05-04T09:01:00Z")));
    }

    @Test
    void aTimeWithoutItsDateSaysWhichDateIsMissing() {
        assertThatThrownBy(() -> TimeRange.of(null, "14:00", DAY, "", UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Give a date for the 'from' time.");
        assertThatThrownBy(() -> TimeRange.of(DAY, "", null, "14:30", UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Give a date for the 'to' time.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "24:00", "14:60", "14:3", "1430", "14.30", "14:30:00", "-1:00", "abc", "2pm", "١٤:٣٠"})
    void aMalformedTimeNamesTheFieldAndTheValue(String typed) {
        assertThatThrownBy(() -> TimeRange.of(DAY, typed, DAY, "", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'from' time: '" + typed + "' is not a time of day (HH:mm).");
        assertThatThrownBy(() -> TimeRange.of(DAY, "", DAY, " " + typed + " ", UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'to' time: '" + typed + "' is not a time of day (HH:mm).");
    }

    @Test
    void aMalformedTimeIsReportedEvenWithoutItsDate() {
        assertThatThrownBy(() -> TimeRange.of(null, "25:00", null, "", UTC))
                .hasMessage("'from' time: '25:00' is not a time of day (HH:mm).");
    }

    @Test
    void theFromSideIsReportedFirst() {
        assertThatThrownBy(() -> TimeRange.of(DAY, "x", null, "y", UTC)).hasMessage("'from' time: 'x' is not a time of day (HH:mm).");
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThatThrownBy(() -> TimeRange.of(DAY, "14:31", DAY, "14:30", UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'From' must be before 'to'.");
        assertThatThrownBy(() -> TimeRange.of(DAY, "15:00", DAY, "14:00", UTC)).hasMessage("'From' must be before 'to'.");
        assertThatThrownBy(() -> TimeRange.of(DAY.plusDays(1), "", DAY, "", UTC)).hasMessage("'From' must be before 'to'.");
        assertThat(TimeRange.of(DAY, "23:59", DAY, "23:59", UTC).from()).isEqualTo(utc("2026-05-04T23:59:00Z"));
    }

    @Test
    void onBerlinsSpringForwardDayAGapTimeMovesForwardAndTheDayHas23Hours() {
        LocalDate gapDay = LocalDate.of(2026, 3, 29); // 02:00 CET jumps to 03:00 CEST
        TimeRange inGap = TimeRange.of(gapDay, "02:30", gapDay, "02:30", BERLIN);
        assertThat(inGap.from()).isEqualTo(utc("2026-03-29T01:30:00Z")); // 03:30 CEST
        assertThat(inGap.to()).isEqualTo(utc("2026-03-29T01:31:00Z"));
        assertThat(TimeRange.of(gapDay, "01:59", gapDay, "01:59", BERLIN))
                .isEqualTo(new TimeRange(utc("2026-03-29T00:59:00Z"), utc("2026-03-29T01:00:00Z")));
        assertThat(TimeRange.of(gapDay, "03:00", null, null, BERLIN).from()).isEqualTo(utc("2026-03-29T01:00:00Z"));
        TimeRange wholeDay = TimeRange.of(gapDay, "", gapDay, "", BERLIN);
        assertThat(Duration.between(wholeDay.from(), wholeDay.to())).isEqualTo(Duration.ofHours(23));
        assertThat(TimeRange.of(gapDay, "", gapDay, "23:59", BERLIN)).isEqualTo(wholeDay);
    }

    @Test
    void onBerlinsFallBackDayARepeatedTimeMeansItsFirstOccurrenceAndTheDayHas25Hours() {
        LocalDate overlapDay = LocalDate.of(2026, 10, 25); // 03:00 CEST falls back to 02:00 CET
        assertThat(TimeRange.of(overlapDay, "02:30", null, null, BERLIN).from()).isEqualTo(utc("2026-10-25T00:30:00Z"));
        TimeRange wholeDay = TimeRange.of(overlapDay, "", overlapDay, "", BERLIN);
        assertThat(Duration.between(wholeDay.from(), wholeDay.to())).isEqualTo(Duration.ofHours(25));
    }
}
