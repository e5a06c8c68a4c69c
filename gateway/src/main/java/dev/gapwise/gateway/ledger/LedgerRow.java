package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One ledger row as stored. Money in nano-USD (billionths of a dollar), durations in microseconds.
 *
 * @param requestId          the request
 * @param attempt            1, 2, … within the request
 * @param atUtc              ISO-8601 instant the attempt started
 * @param keyId              virtual key id, or null
 * @param ingress            the client's dialect
 * @param requestedModel     what the client asked for
 * @param servedModel        the catalog model of the deployment
 * @param deployment         the deployment id
 * @param provider           the provider name
 * @param tier               the risk tier
 * @param reason             the routing reason
 * @param status             upstream HTTP status, 0 if none
 * @param errorClass         error class id, or null on success
 * @param inputTokens        prompt tokens
 * @param outputTokens       completion tokens
 * @param tokensEstimated    true when the provider did not report the tokens
 * @param costNanoUsd        cost at the deployment's price
 * @param baselineDeployment the reference deployment, or null when none is known
 * @param baselineNanoUsd    what the same tokens cost on the reference deployment
 * @param latencyMicros      attempt duration
 * @param ttftMicros         time to the first streamed event, or -1
 * @param decision           every reason of the routing decision (tier and its source, eligibility, choice)
 */
public record LedgerRow(String requestId, int attempt, String atUtc, String keyId, String ingress,
                        String requestedModel, String servedModel, String deployment, String provider, String tier,
                        String reason, int status, String errorClass, long inputTokens, long outputTokens,
                        boolean tokensEstimated, long costNanoUsd, String baselineDeployment, long baselineNanoUsd,
                        long latencyMicros, long ttftMicros, String decision) {

    /** The row for an attempt, priced at its deployment and at the reference deployment. */
    static LedgerRow of(Attempt attempt, Optional<Deployment> reference) {
        long in = attempt.usage().inputTokens();
        long out = attempt.usage().outputTokens();
        BigDecimal cost = attempt.deployment().price().cost(in, out);
        return new LedgerRow(attempt.context().requestId(), attempt.number(), attempt.startedAt().toString(),
                attempt.context().keyId().orElse(null), attempt.context().ingress().id(),
                attempt.context().requestedModel(), attempt.deployment().modelId(), attempt.deployment().id(),
                attempt.deployment().provider(), attempt.context().tier(), attempt.reason(), attempt.status(),
                attempt.error().map(e -> e.id()).orElse(null), in, out, attempt.usage().estimated(), nanos(cost),
                reference.map(Deployment::id).orElse(null),
                reference.map(r -> nanos(r.price().cost(in, out))).orElse(0L),
                attempt.latencyNanos() / 1_000, attempt.firstTokenNanos() < 0 ? -1 : attempt.firstTokenNanos() / 1_000,
                attempt.context().decision());
    }

    /** The UTC day of the row, for grouping. */
    String day() {
        return atUtc.substring(0, 10);
    }

    static long nanos(BigDecimal usd) {
        return usd.setScale(Price.COST_SCALE, java.math.RoundingMode.HALF_UP).movePointRight(Price.COST_SCALE)
                .longValueExact();
    }

    /** Nano-USD back to dollars. */
    public static BigDecimal usd(long nanoUsd) {
        return BigDecimal.valueOf(nanoUsd, Price.COST_SCALE);
    }
}
