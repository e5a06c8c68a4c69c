package dev.gapwise.gap.reproduce;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date or period a figure describes, read from words: "2024-07-23", "2025-02" (the month), "end of
 * 2023" / "late 2023" (the last day of the year), or "A to B" with either end a date or a month.
 *
 * @param from first day
 * @param to   last day
 */
record Period(LocalDate from, LocalDate to) {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern END_OF_YEAR = Pattern.compile("(?:end of|late) (\\d{4})");

    /** True when the period is one day. */
    boolean isDay() {
        return from.equals(to);
    }

    static Optional<Period> parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        String[] ends = lower.split("\\s+to\\s+");
        if (ends.length == 2) {
            Optional<Period> first = single(ends[0]);
            Optional<Period> last = single(ends[1]);
            if (first.isPresent() && last.isPresent()) {
                return Optional.of(new Period(first.get().from(), last.get().to()));
            }
            return Optional.empty();
        }
        return single(lower);
    }

    private static Optional<Period> single(String text) {
        try {
            return readSingle(text);
        } catch (DateTimeException e) {
            return Optional.empty(); // "2018-2024" looks like the month "2018-20"; "2025-02-30" is no day
        }
    }

    private static Optional<Period> readSingle(String text) {
        Matcher end = END_OF_YEAR.matcher(text);
        if (end.find()) {
            LocalDate last = LocalDate.of(Integer.parseInt(end.group(1)), 12, 31);
            return Optional.of(new Period(last, last));
        }
        Matcher day = DAY.matcher(text);
        if (day.lookingAt()) {
            LocalDate date = LocalDate.parse(day.group());
            return Optional.of(new Period(date, date));
        }
        Matcher month = MONTH.matcher(text);
        if (month.lookingAt()) {
            YearMonth yearMonth = YearMonth.parse(month.group());
            return Optional.of(new Period(yearMonth.atDay(1), yearMonth.atEndOfMonth()));
        }
        return Optional.empty();
    }
}
