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
}
