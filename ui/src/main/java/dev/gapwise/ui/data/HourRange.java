package dev.gapwise.ui.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A range of UTC hours, {@code from} inclusive and {@code to} exclusive, in the rollups' text form
 * ({@code 2026-12-01T22}); text order is time order.
 */
public record HourRange(String from, String to) {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** Every hour. */
    public static HourRange all() {
        return new HourRange("0000-01-01T00", "9999-12-31T00");
    }

    /** The last {@code days} UTC days up to and including the day of {@code now}. */
    public static HourRange lastDays(Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new HourRange(today.minusDays(days - 1L) + "T00", today.plusDays(1) + "T00");
    }

    /** The first day of the range (the daily rollups' key): the day of {@code from}, whole days only. */
    public String fromDay() {
        return from.substring(0, 10);
    }

    /** The first day after the range: the day of {@code to} (an hour after midnight counts its whole day). */
    public String toDay() {
        return to.endsWith("T00") ? to.substring(0, 10) : java.time.LocalDate.parse(to.substring(0, 10)).plusDays(1)
                .toString();
    }

    /** The hour containing {@code instant}. */
    public static String hourOf(Instant instant) {
        return HOUR.format(instant.truncatedTo(ChronoUnit.HOURS));
    }
}
