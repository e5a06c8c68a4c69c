package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.call.BudgetStop;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.config.SpendConfig;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.route.Candidate;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.route.RouteRequest;
import dev.gapwise.gateway.spend.counter.Counters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the HTTP edge asks of budgets before a call: a key's team, the route as the budgets allow it, and what a key
 * holder may read of its own budgets and limits ({@code GET /v1/gapwise/usage}).
 *
 * <p>Budget-aware routing: the route is planned as usual; when a {@code budgets.when_filled} rule names the route's
 * tier and the fullest budget of the key or its team (whole spend, of the rule's period if it names one) is at
 * least the rule's percentage used — of several such rules, the one with the highest percentage — the request is planned again with its tier under another tier's rules (a
 * downgrade: e.g. elevated work on routine deployments at 80 %), or refused (e.g. everything but critical at 100 %).
 * The rule's reason goes to {@code x-gapwise-route-reason} and the ledger. The high-stakes tier is never downgraded
 * (the configuration refuses such a rule): it is served until its budget stops it, and then refused with the reason.
 * Immutable and thread-safe.
 */
public final class Budgets {
    private final SpendGate gate;
    private final RoutePlanner planner;
    private final List<SpendConfig.FillRule> rules;
    private final Map<String, RoutePlanner> downgraded = new HashMap<>();

    public Budgets(SpendGate gate, RoutePlanner planner, List<SpendConfig.FillRule> rules) {
        this.gate = gate;
        this.planner = planner;
        this.rules = List.copyOf(rules);
        for (SpendConfig.FillRule rule : rules) {
            rule.routeAs().ifPresent(as -> rule.tiers().forEach(tier -> planner.routedAs(tier, as)
                    .ifPresent(derived -> downgraded.putIfAbsent(tier + ">" + as, derived))));
        }
    }

    /** The team of a key. */
    public Optional<String> teamOf(Optional<String> keyId) {
        return keyId.flatMap(gate.allowances::teamOf);
    }

    /** The route as planned, downgraded, or the refusal a budget rule makes. */
    public sealed interface Routed {
        record Planned(RoutePlan plan) implements Routed {
        }

        record Refused(Failure failure) implements Routed {
        }
    }

    /** Plans a request of a key and team under the budget rules. */
    public Routed plan(RouteRequest request, Optional<String> keyId, Optional<String> team) {
        RoutePlan plan = planner.plan(request);
        if (rules.isEmpty() || keyId.isEmpty() || !(plan instanceof RoutePlan.Route route)) {
            return new Routed.Planned(plan);
        }
        List<SpendConfig.FillRule> applicable = rules.stream().filter(r -> r.tiers().contains(route.tier()))
                .sorted(Comparator.comparingInt(SpendConfig.FillRule::atPercent).reversed()).toList();
        if (applicable.isEmpty()) {
            return new Routed.Planned(plan);
        }
        List<SpendGate.BudgetLevel> levels = gate.levels(keyId, team, true);
        for (SpendConfig.FillRule rule : applicable) {
            Optional<SpendGate.BudgetLevel> fullest = levels.stream()
                    .filter(l -> rule.period().isEmpty() || l.budget().period() == rule.period().get())
                    .max(Comparator.comparingDouble(SpendGate.BudgetLevel::used));
            if (fullest.isEmpty() || fullest.get().used() * 100 < rule.atPercent()) {
                continue;
            }
            SpendGate.BudgetLevel level = fullest.get();
            String why = "budget: the " + level.budget().period().id() + " budget of " + level.budget().scope().id() + " "
                    + level.budget().subject() + " is " + percent(level) + " % used (rule at " + rule.atPercent() + " %)";
            if (rule.routeAs().isEmpty()) {
                return new Routed.Refused(new Failure.BudgetSpent("tier " + route.tier() + " is not served now: " + why
                        + "; only other tiers are served until the window resets"
                        + level.window().end().map(at -> " at " + at).orElse(""), stop(level)));
            }
            RoutePlanner derived = downgraded.get(route.tier() + ">" + rule.routeAs().get());
            if (derived == null) {
                return new Routed.Planned(plan);
            }
            String note = why + ": tier " + route.tier() + " planned under the rules of " + rule.routeAs().get();
            return new Routed.Planned(switch (derived.plan(request)) {
                case RoutePlan.Route downgradedRoute -> new RoutePlan.Route(downgradedRoute.tier(),
                        downgradedRoute.candidates().stream().map(c -> new Candidate(c.deployment(), c.reason() + "; "
                                + "budget=" + route.tier() + " as " + rule.routeAs().get() + " (" + percent(level)
                                + " % of " + level.budget().period().id() + ")")).toList(),
                        downgradedRoute.decision() + "; " + note, downgradedRoute.tierSource());
                case RoutePlan other -> other;
            });
        }
        return new Routed.Planned(plan);
    }

    private static String percent(SpendGate.BudgetLevel level) {
        return BigDecimal.valueOf(Math.min(level.used(), 1000) * 100).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static BudgetStop stop(SpendGate.BudgetLevel level) {
        Budget budget = level.budget();
        return new BudgetStop(budget.scope().id(), budget.subject(), budget.target(), budget.limitUsd(),
                Pricing.usd(level.spent()), Pricing.usd(level.reserved()), budget.period().id(), level.window().end());
    }

    /** What a key holder may read of its own budgets and rate limits, now. */
    public ObjectNode usage(String keyId, String keyName) {
        Optional<String> key = Optional.of(keyId);
        Optional<String> team = teamOf(key);
        ObjectNode body = Json.object();
        ObjectNode who = body.putObject("key").put("id", keyId).put("name", keyName);
        team.ifPresentOrElse(t -> who.put("team", t), () -> who.putNull("team"));
        ArrayNode budgets = body.putArray("budgets");
        for (SpendGate.BudgetLevel level : gate.levels(key, team, false)) {
            Budget budget = level.budget();
            ObjectNode node = budgets.addObject().put("scope", budget.scope().id()).put("subject", budget.subject());
            budget.target().ifPresentOrElse(t -> node.put("target", t), () -> node.putNull("target"));
            node.put("period", budget.period().id()).put("mode", budget.hard() ? "hard" : "soft")
                    .put("time_zone", budget.zone().getId()).put("window", level.window().label())
                    .put("limit_usd", Budget.usd(budget.limitNanos()))
                    .put("spent_usd", Budget.usd(level.spent()))
                    .put("reserved_usd", Budget.usd(level.reserved()))
                    .put("remaining_usd", Budget.usd(Math.max(0, budget.limitNanos() - level.spent() - level.reserved())))
                    .put("used_percent", Double.parseDouble(percent(level)));
            level.window().end().ifPresentOrElse(at -> node.put("resets_at", at.toString()), () -> node.putNull("resets_at"));
        }
        ArrayNode limits = body.putArray("limits");
        List<RateLimit> own = gate.allowances.callerLimits(key, team);
        Optional<List<Counters.LimitLevel>> levels = gate.limitLevels(own);
        for (int i = 0; i < own.size(); i++) {
            RateLimit limit = own.get(i);
            ObjectNode node = limits.addObject().put("scope", limit.scope().id()).put("subject", limit.subject())
                    .put("metric", limit.metric().id()).put("limit", limit.amount())
                    .put("period", SpendSpecs.period(limit.period()));
            int index = i;
            levels.ifPresent(l -> node.put("remaining", l.get(index).remaining())
                    .put("reset_seconds", l.get(index).resetMicros() / 1_000_000.0));
        }
        if (levels.isEmpty() || budgets.size() < gate.allowances.budgets(key, team).size()) {
            body.put("note", "some levels cannot be read now: the shared counters do not answer");
        }
        return body;
    }
}
