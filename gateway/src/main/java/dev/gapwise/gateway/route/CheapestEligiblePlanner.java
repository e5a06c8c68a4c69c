package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Deployment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The placeholder router: a concrete model goes to its deployments, cheapest first; {@code auto} goes to the
 * cheapest callable deployment with every other one as a fallback. Immutable and thread-safe.
 */
public final class CheapestEligiblePlanner implements RoutePlanner {
    /** The tier used when the caller declares none. */
    public static final String DEFAULT_TIER = "routine";

    private static final Comparator<Deployment> BY_PRICE = Comparator.comparing(CheapestEligiblePlanner::blendedPrice)
            .thenComparing(Deployment::id);

    private final List<Deployment> byPrice;

    /** @param callable the deployments whose provider is configured (with a key where one is needed) */
    public CheapestEligiblePlanner(List<Deployment> callable) {
        this.byPrice = callable.stream().sorted(BY_PRICE).toList();
    }

    /** Price of three input tokens plus one output token: the usual shape of chat traffic. */
    public static BigDecimal blendedPrice(Deployment deployment) {
        return deployment.price().inputPerMillion().multiply(BigDecimal.valueOf(3))
                .add(deployment.price().outputPerMillion());
    }

    @Override
    public RoutePlan plan(RouteRequest request) {
        String tier = request.tier().orElse(DEFAULT_TIER);
        if (request.model().equals(AUTO)) {
            if (byPrice.isEmpty()) {
                return new RoutePlan.NoDeployment("no deployment available: configure a provider in gapwise.yaml "
                        + "or set a provider key such as OPENAI_API_KEY, then restart");
            }
            List<Candidate> candidates = new ArrayList<>();
            for (Deployment deployment : byPrice) {
                candidates.add(new Candidate(deployment, candidates.isEmpty()
                        ? "auto: cheapest of " + byPrice.size() + " eligible for tier " + tier
                        : "auto: fallback " + candidates.size() + " by price"));
            }
            return new RoutePlan.Route(tier, candidates, candidates.getFirst().reason());
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Deployment deployment : byPrice) {
            if (serves(deployment, request.model())) {
                candidates.add(new Candidate(deployment, candidates.isEmpty()
                        ? "requested model, cheapest deployment"
                        : "requested model, fallback " + candidates.size()));
            }
        }
        if (candidates.isEmpty()) {
            return byPrice.isEmpty()
                    ? new RoutePlan.NoDeployment("no deployment available for model '" + request.model()
                    + "': configure a provider in gapwise.yaml or set its API key variable, then restart")
                    : new RoutePlan.UnknownModel(request.model());
        }
        return new RoutePlan.Route(tier, candidates, candidates.getFirst().reason());
    }

    private static boolean serves(Deployment deployment, String model) {
        return deployment.id().equals(model) || deployment.modelId().equals(model)
                || deployment.upstreamModel().equals(model);
    }
}
