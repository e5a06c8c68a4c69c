package dev.gapwise.gateway.config;

import dev.gapwise.gateway.spend.BudgetPeriod;
import dev.gapwise.gateway.spend.RateLimit;
import dev.gapwise.gateway.spend.SpendSpecs;
import dev.gapwise.routing.policy.Policy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the money and traffic sections of {@code gapwise.yaml} — {@code prices:}, {@code budgets:}, {@code
 * limits:}, {@code redis:} — with errors that name the key, the bad value and the fix. Stateless.
 */
final class SpendConfigReader {
    private SpendConfigReader() {
    }

    /** What the {@code deployments:} list said about prices and output ceilings, gathered while reading it. */
    record FromDeployments(Map<String, PriceOverride> prices, Set<String> unpriced, Map<String, Long> outputCeilings) {
    }

    static SpendConfig read(ConfigNode top, FromDeployments fromDeployments, Policy policy) {
        Map<String, PriceOverride> prices = new HashMap<>(fromDeployments.prices());
        ConfigNode priceNode = top.child("prices");
        for (String id : priceNode.keys()) {
            prices.merge(id, price(priceNode.child(id), false), PriceOverride::or);
        }
        return new SpendConfig(prices, fromDeployments.unpriced(),
                budgets(top.child("budgets"), fromDeployments.outputCeilings(), policy), limits(top.child("limits")),
                top.has("redis") ? Optional.of(redis(top.child("redis"))) : Optional.empty());
    }

    /** A price mapping: {@code input} and {@code output} required when {@code listed}, the cache rates optional. */
    static PriceOverride price(ConfigNode node, boolean listed) {
        node.only("input", "output", "cache_read", "cache_write", "cache_write_1h");
        String unit = "USD per million tokens, e.g. 0.27";
        Optional<BigDecimal> input = node.optionalDecimal("input", unit);
        Optional<BigDecimal> output = node.optionalDecimal("output", unit);
        if (listed && input.isEmpty()) {
            throw node.error("input", "missing; write USD per million tokens, e.g. 0.27");
        }
        if (listed && output.isEmpty()) {
            throw node.error("output", "missing; write USD per million tokens, e.g. 1.10");
        }
        return new PriceOverride(input, output, node.optionalDecimal("cache_read", unit),
                node.optionalDecimal("cache_write", unit), node.optionalDecimal("cache_write_1h", unit));
    }

    private static SpendConfig.BudgetSettings budgets(ConfigNode node, Map<String, Long> deploymentCeilings, Policy policy) {
        node.only("time_zone", "alerts", "output_ceiling", "output_ceilings", "reservation_ttl", "when_filled");
        SpendConfig.BudgetSettings defaults = SpendConfig.BudgetSettings.DEFAULT;
        ZoneId zone = node.optionalText("time_zone").map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw node.error("time_zone", "'" + text + "' is not a time zone; write a region such as UTC, "
                        + "Europe/Paris or America/New_York");
            }
        }).orElse(defaults.timeZone());
        List<Integer> alerts = new ArrayList<>();
        for (String text : node.texts("alerts")) {
            alerts.add(percent(node, "alerts", text));
        }
        long ceiling = node.optionalInt("output_ceiling").map(Integer::longValue).orElse(defaults.outputCeiling());
        if (ceiling < 1) {
            throw node.error("output_ceiling", ceiling + " must be at least 1 token");
        }
        Map<String, Long> ceilings = new HashMap<>(deploymentCeilings);
        ConfigNode ceilingNode = node.child("output_ceilings");
        for (String id : ceilingNode.keys()) {
            int value = ceilingNode.optionalInt(id).orElseThrow();
            if (value < 1) {
                throw ceilingNode.error(id, value + " must be at least 1 token");
            }
            ceilings.put(id, (long) value);
        }
        Duration ttl = node.optionalDuration("reservation_ttl").orElse(defaults.reservationTtl());
        List<SpendConfig.FillRule> rules = new ArrayList<>();
        ConfigNode ruleList = node.child("when_filled");
        for (int i = 0; i < ruleList.size(); i++) {
            rules.add(fillRule(ruleList.element(i), policy));
        }
        return new SpendConfig.BudgetSettings(zone, node.has("alerts") ? alerts : defaults.alerts(), ceiling, ceilings,
                ttl, rules);
    }

    private static SpendConfig.FillRule fillRule(ConfigNode node, Policy policy) {
        node.only("at", "period", "tiers", "route_as", "refuse");
        int at = percent(node, "at", node.requiredText("at"));
        Optional<BudgetPeriod> period = node.optionalText("period").map(text -> BudgetPeriod.parse(text)
                .orElseThrow(() -> node.error("period", "'" + text + "' must be day, month or lifetime")));
        Set<String> tiers = new LinkedHashSet<>(node.texts("tiers"));
        if (tiers.isEmpty()) {
            throw node.error("tiers", "missing; list the tiers the rule applies to, e.g. [elevated]");
        }
        for (String tier : tiers) {
            if (policy.tier(tier).isEmpty()) {
                throw node.error("tiers", "'" + tier + "' is not a tier of the policy; use one of "
                        + String.join(", ", policy.tiers().keySet()));
            }
        }
        Optional<String> routeAs = node.optionalText("route_as");
        boolean refuse = node.optionalBoolean("refuse").orElse(false);
        if (routeAs.isPresent() == refuse) {
            throw node.error("route_as", "write either route_as: TIER (plan under that tier's rules) or refuse: true");
        }
        if (routeAs.isPresent()) {
            if (policy.tier(routeAs.get()).isEmpty()) {
                throw node.error("route_as", "'" + routeAs.get() + "' is not a tier of the policy; use one of "
                        + String.join(", ", policy.tiers().keySet()));
            }
            if (tiers.contains(policy.highStakesTier())) {
                throw node.error("tiers", "the high-stakes tier '" + policy.highStakesTier() + "' is never "
                        + "downgraded: a rule may refuse it (refuse: true) once its budget is spent, but not route it "
                        + "under another tier's rules");
            }
        }
        return new SpendConfig.FillRule(at, period, tiers, routeAs);
    }

    private static int percent(ConfigNode node, String name, String text) {
        String digits = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        try {
            int value = Integer.parseInt(digits);
            if (value < 1 || value > 1000) {
                throw node.error(name, "'" + text + "' must be a percentage from 1 to 1000, e.g. 80%");
            }
            return value;
        } catch (NumberFormatException e) {
            throw node.error(name, "'" + text + "' must be a percentage, e.g. 80%");
        }
    }

    private static SpendConfig.LimitSettings limits(ConfigNode node) {
        node.only("per_key", "per_team", "deployments");
        Map<String, List<SpendSpecs.LimitSpec>> deployments = new HashMap<>();
        ConfigNode byDeployment = node.child("deployments");
        for (String id : byDeployment.keys()) {
            deployments.put(id, limitSet(byDeployment.child(id)));
        }
        return new SpendConfig.LimitSettings(limitSet(node.child("per_key")), limitSet(node.child("per_team")),
                deployments);
    }

    /** {@code {requests: [60/minute, 10000/day], tokens: 200000/minute}}. */
    private static List<SpendSpecs.LimitSpec> limitSet(ConfigNode node) {
        node.only("requests", "tokens");
        List<SpendSpecs.LimitSpec> limits = new ArrayList<>();
        Set<Duration> seen = new HashSet<>();
        for (RateLimit.Metric metric : RateLimit.Metric.values()) {
            seen.clear();
            for (String text : node.texts(metric.id())) {
                SpendSpecs.LimitSpec spec = SpendSpecs.limit(text).filter(s -> s.metric().isEmpty()
                        || s.metric().get() == metric).orElseThrow(() -> node.error(metric.id(), "'" + text
                        + "' must be N/PERIOD, e.g. 60/minute, 10000/day or 5/10s"));
                if (!seen.add(spec.period())) {
                    throw node.error(metric.id(), "two limits per " + SpendSpecs.period(spec.period())
                            + "; keep one");
                }
                limits.add(new SpendSpecs.LimitSpec(Optional.of(metric), spec.amount(), spec.period()));
            }
        }
        return limits;
    }

    private static RedisConfig redis(ConfigNode node) {
        node.only("url", "password", "prefix", "pool", "timeouts", "on_outage");
        String text = node.requiredText("url");
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("url", "'" + text + "' is not a URL; write redis://HOST:PORT/DB");
        }
        if (url.getHost() == null || !(url.getScheme().equals("redis") || url.getScheme().equals("rediss"))) {
            throw node.error("url", "'" + text + "' must be redis://HOST:PORT/DB (or rediss:// for TLS)");
        }
        if (url.getUserInfo() != null) {
            throw node.error("url", "write no password in the URL (it would reach logs); use password: "
                    + "${REDIS_PASSWORD}");
        }
        RedisConfig defaults = RedisConfig.at(url);
        Optional<SecretRef> password = node.optionalText("password").map(value -> {
            if (!value.startsWith("${") || !value.endsWith("}")
                    || !SecretRef.NAME.matcher(value.substring(2, value.length() - 1)).matches()) {
                throw node.error("password", "write the environment variable that holds it, e.g. ${REDIS_PASSWORD} "
                        + "(the value given is not shown)");
            }
            return new SecretRef(value.substring(2, value.length() - 1));
        });
        ConfigNode pool = node.child("pool");
        pool.only("max_connections", "min_idle", "max_wait");
        int max = pool.optionalInt("max_connections").orElse(defaults.maxConnections());
        if (max < 1 || max > 4096) {
            throw pool.error("max_connections", max + " must be between 1 and 4096");
        }
        int minIdle = pool.optionalInt("min_idle").orElse(Math.min(defaults.minIdle(), max));
        if (minIdle < 0 || minIdle > max) {
            throw pool.error("min_idle", minIdle + " must be between 0 and max_connections (" + max + ")");
        }
        ConfigNode timeouts = node.child("timeouts");
        timeouts.only("connect", "command");
        RedisConfig.OnOutage onOutage = node.optionalText("on_outage").map(value -> switch (value) {
            case "serve" -> RedisConfig.OnOutage.SERVE;
            case "refuse" -> RedisConfig.OnOutage.REFUSE;
            default -> throw node.error("on_outage", "'" + value + "' must be serve or refuse");
        }).orElse(defaults.onOutage());
        return new RedisConfig(url, password, node.optionalText("prefix").orElse(defaults.prefix()), max, minIdle,
                pool.optionalDuration("max_wait").orElse(defaults.maxWait()),
                timeouts.optionalDuration("connect").orElse(defaults.connect()),
                timeouts.optionalDuration("command").orElse(defaults.command()), onOutage);
    }
}
