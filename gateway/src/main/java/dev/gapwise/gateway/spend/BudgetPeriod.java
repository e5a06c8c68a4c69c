package dev.gapwise.gateway.spend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/** How long a budget's window lasts: calendar-aligned in the budget's time zone, or never resetting. */
public enum BudgetPeriod {
    /** From midnight to midnight. */
    DAY,
    /** From the first of the month at midnight to the first of the next. */
    MONTH,
    /** Never resets. */
    LIFETIME;

    /** The lower-case name used in specs, the database and refusals. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BudgetPeriod> parse(String text) {
        for (BudgetPeriod period : values()) {
            if (period.id().equals(text)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The window that holds {@code now} in {@code zone}. */
    public Window window(Instant now, ZoneId zone) {
        return switch (this) {
            case DAY -> {
                LocalDate day = LocalDate.ofInstant(now, zone);
                yield new Window(day.toString(), day.atStartOfDay(zone).toInstant(),
                        Optional.of(day.plusDays(1).atStartOfDay(zone).toInstant()));
            }
            case MONTH -> {
                YearMonth month = YearMonth.from(LocalDate.ofInstant(now, zone));
                yield new Window(month.toString(), month.atDay(1).atStartOfDay(zone).toInstant(),
                        Optional.of(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
            }
            case LIFETIME -> new Window("lifetime", Instant.EPOCH, Optional.empty());
        };
    }
}
