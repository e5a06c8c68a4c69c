package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.price.Pricing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short written forms of budgets and rate limits, shared by {@code gapwise.yaml} and the command line:
 * {@code 50/month}, {@code 5/day:soft}, {@code 20/month@gpt-4o}, {@code 100/lifetime}; {@code requests=60/minute},
 * {@code tokens=200000/minute}, {@code 10000/day}, {@code 5/10s}. Pure.
 */
public final class SpendSpecs {
    private static final Pattern BUDGET = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,9})?)/(day|month|lifetime)(?::(soft|hard))?(?:@(\\S{1,200}))?");
    private static final Pattern LIMIT = Pattern.compile("(?:(requests|tokens)=)?(\\d{1,12})/(second|minute|hour|day|(\\d{1,6})(s|m|h|d))");

    private SpendSpecs() {
    }

    /**
     * A budget as written.
     *
     * @param limitNanos the cap in billionths of a dollar
     * @param period     its period
     * @param hard       hard (the default) or soft
     * @param target     the model or deployment it is limited to
     */
    public record BudgetSpec(long limitNanos, BudgetPeriod period, boolean hard, Optional<String> target) {
    }

    /**
     * A rate limit as written.
     *
     * @param metric requests or tokens, when the text names it
     * @param amount how many per period
     * @param period the period
     */
    public record LimitSpec(Optional<RateLimit.Metric> metric, long amount, Duration period) {
    }

    /** Parses {@code AMOUNT/PERIOD[:soft|:hard][@MODEL]}; empty with nothing said when it does not match. */
    public static Optional<BudgetSpec> budget(String text) {
        Matcher m = BUDGET.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new BudgetSpec(Pricing.nanosUp(new BigDecimal(m.group(1))),
                BudgetPeriod.parse(m.group(2)).orElseThrow(), !"soft".equals(m.group(3)), Optional.ofNullable(m.group(4))));
    }

    /** What a budget spec must look like, for error messages. */
    public static final String BUDGET_FORM = "AMOUNT/PERIOD[:soft][@MODEL] in USD, e.g. 50/month, 5/day:soft, "
            + "20/month@gpt-4o or 100/lifetime";

    /** What a limit spec must look like, for error messages. */
    public static final String LIMIT_FORM = "[requests=|tokens=]N/PERIOD, e.g. requests=60/minute, "
            + "tokens=200000/minute, 10000/day or 5/10s";

    /** Parses {@code [requests=|tokens=]N/PERIOD}; empty when it does not match. */
    public static Optional<LimitSpec> limit(String text) {
        Matcher m = LIMIT.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(2)) < 1) {
            return Optional.empty();
        }
        Duration period = switch (m.group(3)) {
            case "second" -> Duration.ofSeconds(1);
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> {
                long n = Long.parseLong(m.group(4));
                yield switch (m.group(5)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        };
        if (period.isZero()) {
            return Optional.empty();
        }
        Optional<RateLimit.Metric> metric = Optional.ofNullable(m.group(1))
                .map(name -> name.equals("tokens") ? RateLimit.Metric.TOKENS : RateLimit.Metric.REQUESTS);
        return Optional.of(new LimitSpec(metric, Long.parseLong(m.group(2)), period));
    }

    /** A period as written back: {@code minute}, {@code day}, or {@code 10s}. */
    public static String period(Duration period) {
        long seconds = period.toSeconds();
        if (seconds == 60) {
            return "minute";
        }
        if (seconds == 3_600) {
            return "hour";
        }
        if (seconds == 86_400) {
            return "day";
        }
        if (seconds == 1) {
            return "second";
        }
        return seconds % 86_400 == 0 ? seconds / 86_400 + "d" : seconds % 3_600 == 0 ? seconds / 3_600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** A budget written back, e.g. {@code 50.00/month@gpt-4o}. */
    public static String budget(Budget budget) {
        return Budget.usd(budget.limitNanos()) + "/" + budget.period().id() + (budget.hard() ? "" : ":soft")
                + budget.target().map(t -> "@" + t).orElse("");
    }
}
