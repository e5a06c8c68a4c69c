package dev.gapwise.gateway.route;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A planner that first maps the model names clients keep sending to the model that serves them ({@code
 * model_aliases:}): Claude Code asks for {@code claude-sonnet-4-5-20250929} or {@code claude-3-5-haiku-latest}
 * whatever the gateway serves, so such names are mapped by configuration. An exact name wins over a prefix (a name
 * ending in {@code *}); the longest prefix wins among prefixes. The route's decision says which alias applied;
 * the ledger keeps the name the client sent. Immutable and thread-safe.
 */
public final class AliasedPlanner implements RoutePlanner {
    private final RoutePlanner planner;
    private final Map<String, String> aliases;

    private AliasedPlanner(RoutePlanner planner, Map<String, String> aliases) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.aliases = Map.copyOf(aliases);
    }

    /** {@code planner} with the aliases applied first; {@code planner} itself when there are none. */
    public static RoutePlanner of(RoutePlanner planner, Map<String, String> aliases) {
        return aliases.isEmpty() ? planner : new AliasedPlanner(planner, aliases);
    }

    /** The model a name stands for, when an alias applies. */
    Optional<String> target(String model) {
        String exact = aliases.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        String best = null;
        for (String name : aliases.keySet()) {
            if (name.endsWith("*") && model.startsWith(name.substring(0, name.length() - 1))
                    && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best).map(aliases::get);
    }

    @Override
    public RoutePlan plan(RouteRequest request) {
        Optional<String> target = target(request.model());
        if (target.isEmpty()) {
            return planner.plan(request);
        }
        RoutePlan plan = planner.plan(new RouteRequest(target.get(), request.endpoint(), request.headerTier(),
                request.keyTier(), request.hasTools(), request.turns(), request.userText(), request.systemText(),
                request.metadata(), request.maxOutputTokens(), request.keyTierFixed(), request.earlierUserText(),
                request.media()));
        String alias = "model alias " + request.model() + " -> " + target.get();
        return switch (plan) {
            case RoutePlan.Route route -> new RoutePlan.Route(route.tier(), route.candidates(),
                    route.decision().isEmpty() ? alias : alias + "; " + route.decision());
            case RoutePlan.UnknownModel unknown -> plan;
            case RoutePlan.NotAllowed refused -> plan;
            case RoutePlan.Invalid invalid -> plan;
            case RoutePlan.NoDeployment none -> plan;
        };
    }

    @Override
    public Optional<RoutePlanner> routedAs(String tier, String asTier) {
        return planner.routedAs(tier, asTier).map(routed -> new AliasedPlanner(routed, aliases));
    }
}
