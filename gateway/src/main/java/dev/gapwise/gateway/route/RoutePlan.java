package dev.gapwise.gateway.route;

import dev.gapwise.routing.TierSource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of planning: candidates to try in order, or why there are none. */
public sealed interface RoutePlan {
    /**
     * Deployments to try, first choice first, later ones as fallbacks.
     *
     * @param tier       the tier the decision was made for
     * @param candidates never empty
     * @param decision   every reason of the decision, for the ledger
     * @param tierSource which source set the tier, when the planner knows it (telemetry reports it)
     */
    record Route(String tier, List<Candidate> candidates, String decision, Optional<TierSource> tierSource)
            implements RoutePlan {
        public Route {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(tierSource, "tierSource");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a route needs at least one candidate");
            }
        }

        /** A route whose tier source is not known (planners without a policy). */
        public Route(String tier, List<Candidate> candidates, String decision) {
            this(tier, candidates, decision, Optional.empty());
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
