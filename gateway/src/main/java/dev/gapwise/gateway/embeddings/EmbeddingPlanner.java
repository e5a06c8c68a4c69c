package dev.gapwise.gateway.embeddings;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.price.TokenPrice;
import dev.gapwise.gateway.route.Candidate;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.route.RoutePlanner;
import dev.gapwise.gateway.route.RouteRequest;
import dev.gapwise.routing.policy.Eligibility;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.TierPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Routes embeddings by the gateway's policy. The tier is the most protected of those the virtual key (a floor, or
 * final when fixed) and the {@code x-gapwise-tier} header name, else the policy's default; the classifiers and
 * rules read chat turns and do not apply. A tier that {@code embeddings.tiers} lists considers exactly those
 * deployments, in that order; any other tier considers every callable embedding deployment, cheapest first,
 * unpriced last. Either way the tier's {@code jurisdictions} and {@code max_input_price} hold. A tier restricted by
 * {@code access} or {@code origin_countries} must list its embedding deployments (those facts are not known for
 * embedding models, so such a tier gets none rather than any). Lag and score rules do not apply (no benchmark
 * measures embedding models here). Immutable and thread-safe.
 */
public final class EmbeddingPlanner implements RoutePlanner {
    private final Policy policy;
    private final List<Deployment> callable;
    private final Map<String, TokenPrice> prices;
    private final Map<String, List<String>> tierLists;

    /**
     * @param policy    the routing policy (its tiers and their rules)
     * @param callable  the callable embedding deployments
     * @param prices    their prices (one missing is unpriced)
     * @param tierLists tier name to the embedding deployment ids it may use, first choice first
     */
    public EmbeddingPlanner(Policy policy, List<Deployment> callable, Map<String, TokenPrice> prices,
                            Map<String, List<String>> tierLists) {
        this.policy = policy;
        this.callable = List.copyOf(callable);
        this.prices = Map.copyOf(prices);
        this.tierLists = Map.copyOf(tierLists);
    }

    @Override
    public RoutePlan plan(RouteRequest request) {
        if (callable.isEmpty()) {
            return new RoutePlan.NoDeployment("no embedding deployment available: set a key of a provider with "
                    + "embeddings (e.g. OPENAI_API_KEY) or add one under embeddings.deployments in gapwise.yaml");
        }
        Optional<String> header = request.headerTier().map(String::strip);
        if (header.isPresent() && policy.tier(header.get()).isEmpty()) {
            return new RoutePlan.Invalid("header x-gapwise-tier names a tier this gateway's policy does not define; use "
                    + "one of " + policy.tiers().keySet() + " or leave it out");
        }
        String tier = tier(header, request.keyTier().filter(t -> policy.tier(t).isPresent()), request.keyTierFixed());
        boolean auto = request.model().equals(AUTO);
        List<Deployment> serving = callable.stream()
                .filter(d -> auto || d.id().equals(request.model()) || d.modelId().equals(request.model())
                        || d.upstreamModel().equals(request.model())).toList();
        if (serving.isEmpty()) {
            return new RoutePlan.UnknownModel(request.model());
        }
        List<String> refusals = new ArrayList<>();
        List<Deployment> order = order(tier, serving, refusals);
        if (order.isEmpty()) {
            String why = String.join(", ", refusals);
            return auto ? new RoutePlan.NoDeployment("no embedding deployment available for tier '" + tier + "': " + why
                    + "; list the tier's embedding deployments under embeddings.tiers in gapwise.yaml")
                    : new RoutePlan.NotAllowed("model '" + request.model() + "' is not allowed for tier '" + tier
                    + "': " + why);
        }
        String basis = tierLists.containsKey(tier) ? "embeddings.tiers." + tier : "cheapest eligible";
        String summary = "tier=" + tier + "; embeddings; chose=" + order.getFirst().id() + (auto ? "" : " (requested)")
                + " (" + basis + ", " + order.size() + " of " + serving.size() + " eligible)";
        List<Candidate> candidates = new ArrayList<>();
        for (Deployment deployment : order) {
            candidates.add(new Candidate(deployment, candidates.isEmpty() ? summary
                    : "tier=" + tier + "; fallback " + candidates.size() + " of " + (order.size() - 1)));
        }
        String decision = summary + (refusals.isEmpty() ? "" : "; refused: " + String.join(", ", refusals));
        return new RoutePlan.Route(tier, candidates, decision);
    }

    /** The most protected of the declared tiers; a fixed key tier is final; none declared: the default. */
    private String tier(Optional<String> header, Optional<String> key, boolean keyFixed) {
        if (key.isPresent() && keyFixed) {
            return key.get();
        }
        return Stream.concat(header.stream(), key.stream()).min(Comparator.comparingInt(policy::rank))
                .orElse(policy.defaultTier());
    }

    private List<Deployment> order(String tier, List<Deployment> serving, List<String> refusals) {
        Eligibility rules = policy.tier(tier).map(TierPolicy::eligibility).orElseThrow();
        List<String> listed = tierLists.get(tier);
        List<Deployment> considered;
        if (listed != null) {
            considered = listed.stream().flatMap(id -> serving.stream().filter(d -> d.id().equals(id))).toList();
            serving.stream().filter(d -> !listed.contains(d.id()))
                    .forEach(d -> refusals.add(d.id() + " (not in embeddings.tiers." + tier + ")"));
        } else if (!rules.access().isEmpty() || !rules.originCountries().isEmpty()) {
            serving.forEach(d -> refusals.add(d.id() + " (tier '" + tier + "' restricts access or origin, which are "
                    + "not known for embedding models: list the tier's embedding deployments)"));
            return List.of();
        } else {
            Comparator<Deployment> cheapest = Comparator.comparing((Deployment d) -> !prices.containsKey(d.id()))
                    .thenComparing(d -> prices.containsKey(d.id()) ? prices.get(d.id()).input() : BigDecimal.ZERO)
                    .thenComparing(Deployment::id);
            considered = serving.stream().sorted(cheapest).toList();
        }
        Set<String> regions = regions(rules.jurisdictions());
        List<Deployment> eligible = new ArrayList<>();
        for (Deployment deployment : considered) {
            TokenPrice price = prices.get(deployment.id());
            if (!regions.isEmpty() && !deployment.runsInOneOf(regions)) {
                refusals.add(deployment.id() + " (region " + deployment.jurisdiction() + " not in "
                        + new java.util.TreeSet<>(rules.jurisdictions()) + ")");
            } else if (rules.maxInputPrice().isPresent() && (price == null
                    || price.input().compareTo(rules.maxInputPrice().get()) > 0)) {
                refusals.add(deployment.id() + " (input price " + (price == null ? "unknown"
                        : price.input().toPlainString()) + " above max_input_price "
                        + rules.maxInputPrice().get().toPlainString() + ")");
            } else {
                eligible.add(deployment);
            }
        }
        return eligible;
    }

    private static Set<String> regions(Set<String> jurisdictions) {
        Set<String> regions = new HashSet<>();
        for (String code : jurisdictions) {
            if (code.equals("EU")) {
                regions.addAll(Eligibility.EU_MEMBERS);
            } else {
                regions.add(code);
            }
        }
        return regions;
    }
}
