package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * The policy router: every request gets a routing decision from {@link Router} — tier (and which source set
 * it), complexity, each callable deployment's eligibility under the tier's rules (lag behind the frontier,
 * access, origin, jurisdiction, price), and the objective's order. {@code auto} is served in that order; a
 * named model is served by its eligible deployments, and refused with the reasons when the tier does not allow
 * it. The decision's reasons go to the ledger, its one-line summary to {@code x-gapwise-route-reason}. The router
 * states its frontier baseline on the gateway's savings baseline (handed in as the policy's baseline deployment),
 * so the decision and the ledger row name the same one. Deployments without a price are tried last: an unknown
 * cost is not a low one. Immutable and thread-safe.
 */
public final class PolicyPlanner implements RoutePlanner {
    private final Router router;
    private final List<Deployment> callable;
    private final Set<Deployment> everyCallable;
    private final Set<String> unpriced;
    private final Policy policy;
    private final Catalog catalog;
    private final ModelLags lags;
    private final Classifiers classifiers;
    private final Optional<Deployment> baseline;

    /**
     * @param policy      the tiers and rules
     * @param catalog     models and scores (for lags and quality)
     * @param callable    the deployments the gateway can call
     * @param lags        each model's lag behind the frontier
     * @param classifiers risk, complexity and quality models
     */
    public PolicyPlanner(Policy policy, Catalog catalog, List<Deployment> callable, ModelLags lags,
                         Classifiers classifiers) {
        this(policy, catalog, callable, lags, classifiers, Optional.empty(), Set.of());
    }

    /**
     * @param baseline the gateway's savings baseline, stated by every decision (it may be a deployment the gateway
     *                 cannot call: it is then known to the router but never routed to)
     * @param unpriced ids of callable deployments without a price, tried last
     */
    public PolicyPlanner(Policy policy, Catalog catalog, List<Deployment> callable, ModelLags lags,
                         Classifiers classifiers, Optional<Deployment> baseline, Set<String> unpriced) {
        this.callable = List.copyOf(callable);
        this.everyCallable = Set.copyOf(callable);
        this.unpriced = Set.copyOf(unpriced);
        this.policy = policy;
        this.catalog = catalog;
        this.lags = lags;
        this.classifiers = classifiers;
        this.baseline = baseline;
        this.router = router(policy, catalog, this.callable, lags, classifiers, baseline);
    }

    @Override
    public Optional<RoutePlanner> routedAs(String tier, String asTier) {
        return Optional.of(new PolicyPlanner(Policies.routedAs(policy, tier, asTier), catalog, callable, lags,
                classifiers, baseline, unpriced));
    }

    /** The router a planner uses: the policy over the catalog's models and only the callable deployments. */
    public static Router router(Policy policy, Catalog catalog, List<Deployment> callable, ModelLags lags,
                                Classifiers classifiers) {
        return router(policy, catalog, callable, lags, classifiers, Optional.empty());
    }

    /**
     * The same, stating {@code baseline} (the gateway's savings baseline, which may be a deployment it cannot call:
     * it is then known to the router as the policy's baseline deployment but never routed to).
     */
    public static Router router(Policy policy, Catalog catalog, List<Deployment> callable, ModelLags lags,
                                Classifiers classifiers, Optional<Deployment> baseline) {
        List<Deployment> known = new ArrayList<>(callable);
        baseline.filter(b -> !callable.contains(b)).ifPresent(known::add);
        return new Router(baseline.isPresent() ? Policies.withBaseline(policy, baseline.map(Deployment::id)) : policy,
                new Catalog(catalog.datasets(), known), lags, classifiers);
    }

    @Override
    public RoutePlan plan(RouteRequest request) {
        if (callable.isEmpty()) {
            return new RoutePlan.NoDeployment("no deployment available: configure a provider in gapwise.yaml or set a "
                    + "provider key such as OPENAI_API_KEY, then restart");
        }
        boolean auto = request.model().equals(AUTO);
        Set<Deployment> serving = auto ? everyCallable
                : callable.stream().filter(d -> serves(d, request.model())).collect(Collectors.toSet());
        if (serving.isEmpty()) {
            return new RoutePlan.UnknownModel(request.model());
        }
        Optional<String> undefined = undefinedTier(request);
        if (undefined.isPresent()) {
            return new RoutePlan.Invalid(undefined.get());
        }
        RouteDecision decision = router.route(routingRequest(request));
        String reasons = String.join("; ", decision.reasons());
        List<Deployment> order = Stream.concat(
                decision.ordered().stream().filter(d -> serving.contains(d) && !unpriced.contains(d.id())),
                decision.ordered().stream().filter(d -> serving.contains(d) && unpriced.contains(d.id()))).toList();
        if (order.isEmpty()) {
            // auto: the configuration has nothing this tier may use (503, like no provider at all);
            // a named model: the client asked for something its tier forbids (403).
            return auto
                    ? new RoutePlan.NoDeployment("no deployment available for tier '" + decision.tier() + "' ("
                    + decision.tierSource().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + "): " + refusals(decision, serving)
                    + "; add a provider whose models the tier allows, or change the tier's rules in gapwise.yaml")
                    : new RoutePlan.NotAllowed("model '" + request.model() + "' is not allowed for tier '"
                    + decision.tier() + "': " + refusals(decision, serving));
        }
        long considered = decision.candidates().stream().filter(c -> everyCallable.contains(c.deployment())).count();
        long eligible = decision.ordered().stream().filter(everyCallable::contains).count();
        String summary = decision.headerSummary(order.getFirst().id() + (auto ? "" : " (requested)"), eligible,
                considered);
        List<Candidate> candidates = new ArrayList<>();
        for (Deployment deployment : order) {
            candidates.add(new Candidate(deployment, candidates.isEmpty() ? summary
                    : "tier=" + decision.tier() + "; fallback " + candidates.size() + " of " + (order.size() - 1)));
        }
        return new RoutePlan.Route(decision.tier(), candidates, reasons, Optional.of(decision.tierSource()));
    }

    /**
     * A tier the client named (header or metadata) that the policy does not define, as the message of a 400: the
     * text is the client's, so it is never carried further.
     */
    private Optional<String> undefinedTier(RouteRequest request) {
        Map<String, String> declared = new java.util.LinkedHashMap<>();
        request.headerTier().ifPresent(t -> declared.put("header " + dev.gapwise.routing.RouteRequest.TIER_HEADER, t));
        String metadata = request.metadata().get(dev.gapwise.routing.RouteRequest.TIER_METADATA);
        if (metadata != null) {
            declared.put("metadata " + dev.gapwise.routing.RouteRequest.TIER_METADATA, metadata);
        }
        for (Map.Entry<String, String> entry : declared.entrySet()) {
            String tier = entry.getValue().strip();
            if (router.policy().tier(tier).isEmpty()) {
                return Optional.of(entry.getKey() + " names a tier this gateway's policy does not define; use one of "
                        + router.policy().tiers().keySet() + " or leave it out");
            }
        }
        return Optional.empty();
    }

    private static dev.gapwise.routing.RouteRequest routingRequest(RouteRequest request) {
        dev.gapwise.routing.RouteRequest routing = dev.gapwise.routing.RouteRequest.of(request.userText())
                .withContext(request.earlierUserText())
                .withMedia(request.media())
                .withSystemPrompt(request.systemText())
                .withShape(request.turns(), request.hasTools())
                .withEndpoint(request.endpoint())
                .withMetadata(request.metadata())
                .withHeaders(request.headerTier()
                        .map(t -> Map.of(dev.gapwise.routing.RouteRequest.TIER_HEADER, t)).orElse(Map.of()));
        if (!request.model().equals(AUTO)) {
            routing = routing.withModelAlias(request.model());
        }
        if (request.keyTier().isPresent()) {
            routing = routing.withKeyTier(new dev.gapwise.routing.RouteRequest.KeyTier(request.keyTier().get(),
                    request.keyTierFixed()));
        }
        if (request.maxOutputTokens().isPresent()) {
            routing = routing.withExpectedOutputTokens(request.maxOutputTokens().getAsLong());
        }
        return routing;
    }

    /** Why each deployment of the requested model was refused, from the decision's checks. */
    private static String refusals(RouteDecision decision, Set<Deployment> serving) {
        return decision.candidates().stream().filter(c -> serving.contains(c.deployment()))
                .map(c -> c.deployment().id() + " (" + String.join("; ", c.checks()) + ")")
                .collect(Collectors.joining(", "));
    }

    static boolean serves(Deployment deployment, String model) {
        return deployment.id().equals(model) || deployment.modelId().equals(model)
                || deployment.upstreamModel().equals(model);
    }
}
