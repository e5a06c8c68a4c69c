package dev.gapwise.gap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How old the newest score behind a report is, said in one line, so a reader sees at once whether "current"
 * means this month or last year.
 */
public final class Freshness {
    private Freshness() {
    }

    /** "newest score 2026-04-16, 229 days old on 2026-12-01". */
    public static String line(LocalDate newestScore, LocalDate today) {
        long days = ChronoUnit.DAYS.between(newestScore, today);
        return "newest score " + newestScore + ", " + (days < 0 ? "dated " + -days + " days after " + today
                : days + (days == 1 ? " day" : " days") + " old on " + today);
    }
}
