package dev.gapwise.gap;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Time lags in months, the way the published analyses count them: whole days divided by 365, times 12.
 * (Not 365.25 and not calendar months — the Epoch 2024 figures depend on this.)
 */
public final class Months {
    private Months() {
    }

    /** Months from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public static double between(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 365.0 * 12.0;
    }

    /** A number of months as days, rounded to the nearest day. */
    public static long toDays(double months) {
        return Math.round(months / 12.0 * 365.0);
    }
}
