package dev.gapwise.routing;

import dev.gapwise.catalog.Deployment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One deployment as the decision saw it.
 *
 * @param deployment    the deployment
 * @param lag           its model's lag behind the frontier, when the gap module has one
 * @param estimatedCost the request's estimated cost on it, USD
 * @param eligible      whether the tier's policy allows it
 * @param checks        one line per eligibility check, e.g. "lag 2.1 months <= 3" or "jurisdiction CN not in [US, EU]"
 */
public record Candidate(Deployment deployment, Optional<ModelLags.Lag> lag, BigDecimal estimatedCost, boolean eligible,
                        List<String> checks) {
    public Candidate {
        checks = List.copyOf(checks);
    }

    /**
     * This candidate under a second tier's rules as well (a raised request keeps its API key's constraints):
     * eligible only if both allow it; the other's failed checks are added with {@code label}.
     */
    Candidate alsoChecked(Candidate other, String label) {
        if (other.eligible) {
            return this;
        }
        List<String> merged = new java.util.ArrayList<>(checks);
        for (String check : other.checks) {
            if (!checks.contains(check)) {
                merged.add(label + ": " + check);
            }
        }
        return new Candidate(deployment, lag, estimatedCost, false, merged);
    }
}
