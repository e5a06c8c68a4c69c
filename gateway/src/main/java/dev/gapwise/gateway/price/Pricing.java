package dev.gapwise.gateway.price;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every deployment's {@link TokenPrice} and the savings baseline: prices an attempt at its deployment and, by the
 * same rules, at the baseline. A deployment without a price is priced as unknown, never as $0. Immutable and
 * thread-safe.
 */
public final class Pricing {
    private final Map<String, TokenPrice> prices;
    private final Optional<Deployment> baseline;

    /**
     * @param prices   by deployment id; a deployment missing here has no price
     * @param baseline the deployment savings are measured against
     */
    public Pricing(Map<String, TokenPrice> prices, Optional<Deployment> baseline) {
        this.prices = Map.copyOf(prices);
        this.baseline = baseline;
    }

    /** Catalog list prices completed with each dialect's default cache rates (tests, tools). */
    public static Pricing ofListPrices(List<Deployment> deployments, Optional<Deployment> baseline) {
        Map<String, TokenPrice> prices = new java.util.HashMap<>();
        for (Deployment deployment : deployments) {
            prices.putIfAbsent(deployment.id(), TokenPrice.defaults(deployment.price(), deployment.dialect()));
        }
        baseline.ifPresent(d -> prices.putIfAbsent(d.id(), TokenPrice.defaults(d.price(), d.dialect())));
        return new Pricing(prices, baseline);
    }

    /** This pricing with {@code more} prices beside its own (its own win), and the same baseline. */
    public Pricing with(Map<String, TokenPrice> more) {
        Map<String, TokenPrice> all = new java.util.HashMap<>(more);
        all.putAll(prices);
        return new Pricing(all, baseline);
    }

    /** The deployment's price, when it has one. */
    public Optional<TokenPrice> of(Deployment deployment) {
        return Optional.ofNullable(prices.get(deployment.id()));
    }

    /** The savings baseline. */
    public Optional<Deployment> baseline() {
        return baseline;
    }

    /** The attempt's cost and its cost on the baseline. */
    public PricedAttempt price(Attempt attempt) {
        List<String> anomalies = new ArrayList<>(2);
        attempt.usage().anomaly().ifPresent(anomalies::add);
        OptionalLong cost = of(attempt.deployment())
                .map(price -> OptionalLong.of(nanos(price.cost(attempt.usage()), "cost", anomalies)))
                .orElse(OptionalLong.empty());
        long baselineCost = baseline.flatMap(this::of)
                .map(price -> nanos(price.cost(attempt.usage()), "baseline", anomalies)).orElse(0L);
        return new PricedAttempt(attempt, cost, baseline, baselineCost,
                anomalies.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", anomalies)));
    }

    /** USD as nano-USD, rounding up: what budgets reserve. Saturates beyond the range. */
    public static long nanosUp(BigDecimal usd) {
        BigDecimal nanos = usd.setScale(Price.COST_SCALE, RoundingMode.UP).movePointRight(Price.COST_SCALE);
        return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : Math.max(0, nanos.longValue());
    }

    /** USD as nano-USD; an amount beyond the ledger's range is saturated and noted in {@code anomalies}. */
    static long nanos(BigDecimal usd, String what, List<String> anomalies) {
        BigDecimal nanos = usd.setScale(Price.COST_SCALE, RoundingMode.HALF_UP).movePointRight(Price.COST_SCALE);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || nanos.signum() < 0) {
            anomalies.add(what + " " + usd.toPlainString() + " USD is outside the ledger's range, recorded as "
                    + (nanos.signum() < 0 ? "0" : "the largest amount it holds"));
            return nanos.signum() < 0 ? 0 : Long.MAX_VALUE;
        }
        return nanos.longValueExact();
    }

    /** Dollars as written for people and JSON: two to nine decimals, e.g. {@code 50.00} or {@code 0.000125}. */
    public static String text(BigDecimal usd) {
        BigDecimal stripped = usd.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    /** Nano-USD back to dollars. */
    public static BigDecimal usd(long nanoUsd) {
        return BigDecimal.valueOf(nanoUsd, Price.COST_SCALE);
    }
}
