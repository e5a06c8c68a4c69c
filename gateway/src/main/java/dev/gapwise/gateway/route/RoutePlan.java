package dev.gapwise.gateway.route;

import java.util.List;
import java.util.Objects;

/** The outcome of planning: candidates to try in order, or why there are none. */
public sealed interface RoutePlan {
    /**
     * Deployments to try, first choice first, later ones as fallbacks.
     *
     * @param tier       the tier the decision was made for
     * @param candidates never empty
     * @param decision   every reason of the decision, for the ledger
     */
    record Route(String tier, List<Candidate> candidates, String decision) implements RoutePlan {
        public Route {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(decision, "decision");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a route needs at least one candidate");
            }
        }
    }

    /** The client named a model no deployment serves. */
    record UnknownModel(String model) implements RoutePlan {
    }

    /** The model exists, but the policy does not let this request's tier use it; {@code reason} says why. */
    record NotAllowed(String reason) implements RoutePlan {
    }

    /** The request names something the policy does not define (a tier); {@code message} says what, for a 400. */
    record Invalid(String message) implements RoutePlan {
    }

    /** Nothing is available at all (no provider configured, or none eligible). */
    record NoDeployment(String reason) implements RoutePlan {
    }
}
