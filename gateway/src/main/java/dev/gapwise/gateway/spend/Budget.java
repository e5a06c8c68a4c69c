package dev.gapwise.gateway.spend;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.price.Pricing;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A cap on the spend of a key or a team, optionally only on one model or deployment, per window.
 *
 * @param id         stable id: the window counters are named by it, so changing the amount keeps what was spent
 * @param scope      {@link Scope#KEY} or {@link Scope#TEAM}
 * @param subject    the key id or the team name
 * @param target     a model id or deployment id the budget is limited to; empty for all spend
 * @param period     day, month or lifetime
 * @param limitNanos the cap in billionths of a US dollar
 * @param hard       true: a request whose worst case does not fit is refused before the provider is called;
 *                   false (soft): the request that crosses the cap completes, later ones are refused
 * @param zone       the time zone the day and month windows are aligned to
 */
public record Budget(String id, Scope scope, String subject, Optional<String> target, BudgetPeriod period,
                     long limitNanos, boolean hard, ZoneId zone) {
    public Budget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        if (scope == Scope.DEPLOYMENT) {
            throw new IllegalArgumentException("a budget belongs to a key or a team");
        }
        if (limitNanos < 0) {
            throw new IllegalArgumentException("a budget cannot be negative");
        }
    }

    /** Whether spend on {@code deployment} counts against this budget. */
    public boolean covers(Deployment deployment) {
        return target.isEmpty() || target.get().equals(deployment.id()) || target.get().equals(deployment.modelId());
    }

    /** The cap in US dollars. */
    public BigDecimal limitUsd() {
        return Pricing.usd(limitNanos);
    }

    /** One line for logs and refusals, e.g. {@code key my-app month budget of 50.00 USD on gpt-4o (hard)}. */
    public String describe(String subjectName) {
        return scope.id() + " " + subjectName + " " + period.id() + " budget of " + usd(limitNanos) + " USD"
                + target.map(t -> " on " + t).orElse("") + (hard ? "" : " (soft)");
    }

    /** Nano-USD as dollars with two to nine decimals, e.g. {@code 50.00} or {@code 0.000125}. */
    public static String usd(long nanos) {
        return Pricing.text(Pricing.usd(nanos));
    }
}
