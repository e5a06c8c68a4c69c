package dev.gapwise.gateway.price;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.Attempt;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An attempt with its money, priced once for everything that consumes it (ledger, budgets, metrics).
 *
 * @param attempt         what happened
 * @param costNanoUsd     its cost in billionths of a dollar; empty when the deployment has no price (the cost is
 *                        unknown, never taken as zero)
 * @param baseline        the savings baseline deployment, when there is one
 * @param baselineNanoUsd what the same tokens cost on the baseline, by the same rules (0 without a baseline)
 * @param anomaly         what was implausible (reported usage, an amount beyond range) and what was recorded
 */
public record PricedAttempt(Attempt attempt, OptionalLong costNanoUsd, Optional<Deployment> baseline,
                            long baselineNanoUsd, Optional<String> anomaly) {
    public PricedAttempt {
        Objects.requireNonNull(attempt, "attempt");
        Objects.requireNonNull(costNanoUsd, "costNanoUsd");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(anomaly, "anomaly");
    }

    /** The cost, or zero when unknown: only for sums that state separately how many costs were unknown. */
    public long costOrZero() {
        return costNanoUsd.orElse(0);
    }
}
