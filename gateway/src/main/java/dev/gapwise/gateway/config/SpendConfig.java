package dev.gapwise.gateway.config;

import dev.gapwise.gateway.spend.BudgetPeriod;
import dev.gapwise.gateway.spend.SpendSpecs;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code gapwise.yaml} says about money and traffic: prices beyond the catalog's, how budgets reserve
 * and alert, what routing does as a budget fills, default rate limits, and the Redis that instances share. Budgets
 * and the limits of single keys and teams live in the database ({@code gapwise keys|teams}). Immutable.
 *
 * @param prices       rates by deployment id ({@code prices:} and deployments' {@code price:})
 * @param unpriced     deployments written without a price: their cost is unknown, never $0
 * @param budgets      windows' time zone, alert thresholds, output ceilings and fill rules
 * @param limits       rate limits of every key and team, and of deployments
 * @param redis        the shared Redis; empty: one process, counters in memory
 */
public record SpendConfig(Map<String, PriceOverride> prices, Set<String> unpriced, BudgetSettings budgets,
                          LimitSettings limits, Optional<RedisConfig> redis) {
    public static final SpendConfig DEFAULT = new SpendConfig(Map.of(), Set.of(), BudgetSettings.DEFAULT,
            LimitSettings.NONE, Optional.empty());

    public SpendConfig {
        prices = Map.copyOf(prices);
        unpriced = Set.copyOf(unpriced);
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(redis, "redis");
    }

    public SpendConfig withRedis(Optional<RedisConfig> value) {
        return new SpendConfig(prices, unpriced, budgets, limits, value);
    }

    /**
     * How budgets work ({@code budgets:}).
     *
     * @param timeZone        the zone day and month windows align to, unless a budget names its own
     * @param alerts          thresholds in percent of a budget (logged and counted once per window each)
     * @param outputCeiling   output tokens reserved when a request sets no {@code max_tokens}
     * @param outputCeilings  the same per deployment id
     * @param reservationTtl  how long a reservation lives before expiry reclaims it (its attempt is long over)
     * @param fillRules       what routing does as a budget fills (the reached rule with the highest percentage wins)
     */
    public record BudgetSettings(ZoneId timeZone, List<Integer> alerts, long outputCeiling, Map<String, Long> outputCeilings,
                                 Duration reservationTtl, List<FillRule> fillRules) {
        public static final BudgetSettings DEFAULT = new BudgetSettings(ZoneId.of("UTC"), List.of(75, 90, 100), 8192,
                Map.of(), Duration.ofMinutes(15), List.of());

        public BudgetSettings {
            Objects.requireNonNull(timeZone, "timeZone");
            alerts = List.copyOf(alerts);
            outputCeilings = Map.copyOf(outputCeilings);
            Objects.requireNonNull(reservationTtl, "reservationTtl");
            fillRules = List.copyOf(fillRules);
        }

        /** The output ceiling of a deployment. */
        public long outputCeiling(String deploymentId) {
            return outputCeilings.getOrDefault(deploymentId, outputCeiling);
        }
    }

    /**
     * What routing does once a budget of the request's key or team is {@code atPercent} used ({@code
     * budgets.when_filled}).
     *
     * @param atPercent the threshold, of the fullest budget that applies (only budgets of {@code period} if given)
     * @param period    the budget period the rule looks at; empty for any
     * @param tiers     the tiers it applies to
     * @param routeAs   plan the request under this tier's rules (a downgrade); empty: refuse it
     */
    public record FillRule(int atPercent, Optional<BudgetPeriod> period, Set<String> tiers, Optional<String> routeAs) {
        public FillRule {
            Objects.requireNonNull(period, "period");
            tiers = Set.copyOf(tiers);
            Objects.requireNonNull(routeAs, "routeAs");
        }
    }

    /**
     * Rate limits written in the configuration ({@code limits:}); a key's or team's own limit of the same metric and
     * period (set with {@code gapwise keys|teams}) replaces the default.
     *
     * @param perKey      every key's default limits
     * @param perTeam     every team's default limits
     * @param deployments limits by deployment id (a provider's quota, say)
     */
    public record LimitSettings(List<SpendSpecs.LimitSpec> perKey, List<SpendSpecs.LimitSpec> perTeam,
                                Map<String, List<SpendSpecs.LimitSpec>> deployments) {
        public static final LimitSettings NONE = new LimitSettings(List.of(), List.of(), Map.of());

        public LimitSettings {
            perKey = List.copyOf(perKey);
            perTeam = List.copyOf(perTeam);
            deployments = Map.copyOf(deployments);
        }
    }
}
