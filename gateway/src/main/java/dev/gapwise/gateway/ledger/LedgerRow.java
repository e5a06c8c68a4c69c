package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.text.CleanText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One ledger row as stored. Money in nano-USD (billionths of a dollar), durations in microseconds. Every text
 * field is cleaned and bounded to its column here, in the one constructor every row goes through (rows built
 * for an attempt and rows read back from the pending file alike), so any row can be stored on SQLite and
 * PostgreSQL: a client's {@code "\u0000"} or a 10,000-character model name cannot poison the writer.
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
 * @param anomaly            what was implausible (e.g. reported usage) and what was recorded instead, or null
 */
public record LedgerRow(String requestId, int attempt, String atUtc, String keyId, String ingress,
                        String requestedModel, String servedModel, String deployment, String provider, String tier,
                        String reason, int status, String errorClass, long inputTokens, long outputTokens,
                        boolean tokensEstimated, long costNanoUsd, String baselineDeployment, long baselineNanoUsd,
                        long latencyMicros, long ttftMicros, String decision, String anomaly) {
    public LedgerRow {
        requestId = CleanText.of(requestId == null ? "" : requestId, 64);
        atUtc = CleanText.of(atUtc == null || atUtc.length() < 10 ? "1970-01-01T00:00:00Z" : atUtc, 40);
        keyId = CleanText.of(keyId, 64);
        ingress = CleanText.of(ingress == null ? "" : ingress, 16);
        requestedModel = CleanText.of(requestedModel == null ? "" : requestedModel, 200);
        servedModel = CleanText.of(servedModel == null ? "" : servedModel, 200);
        deployment = CleanText.of(deployment == null ? "" : deployment, 200);
        provider = CleanText.of(provider == null ? "" : provider, 100);
        tier = CleanText.of(tier == null ? "" : tier, 50);
        reason = CleanText.of(reason == null ? "" : reason, 500);
        errorClass = CleanText.of(errorClass, 50);
        baselineDeployment = CleanText.of(baselineDeployment, 200);
        decision = CleanText.of(decision == null ? "" : decision, 4000);
        anomaly = CleanText.of(anomaly, 500);
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
    }

    /** The row for an attempt, priced at its deployment and at the reference deployment. */
    static LedgerRow of(Attempt attempt, Optional<Deployment> reference) {
        long in = attempt.usage().inputTokens();
        long out = attempt.usage().outputTokens();
        List<String> anomalies = new ArrayList<>(2);
        attempt.usage().anomaly().ifPresent(anomalies::add);
        long cost = nanos(attempt.deployment().price().cost(in, out), "cost", anomalies);
        long baseline = reference.map(r -> nanos(r.price().cost(in, out), "baseline", anomalies)).orElse(0L);
        return new LedgerRow(attempt.context().requestId(), attempt.number(), attempt.startedAt().toString(),
                attempt.context().keyId().orElse(null), attempt.context().ingress().id(),
                attempt.context().requestedModel(), attempt.deployment().modelId(), attempt.deployment().id(),
                attempt.deployment().provider(), attempt.context().tier(), attempt.reason(), attempt.status(),
                attempt.error().map(e -> e.id()).orElse(null), in, out, attempt.usage().estimated(), cost,
                reference.map(Deployment::id).orElse(null), baseline,
                attempt.latencyNanos() / 1_000, attempt.firstTokenNanos() < 0 ? -1 : attempt.firstTokenNanos() / 1_000,
                attempt.context().decision(), anomalies.isEmpty() ? null : String.join("; ", anomalies));
    }

    /** The UTC day of the row, for grouping. */
    String day() {
        return atUtc.substring(0, 10);
    }

    static long nanos(BigDecimal usd) {
        return nanos(usd, "cost", new ArrayList<>());
    }

    /** USD as nano-USD; an amount beyond the column's range is saturated and noted in {@code anomalies}. */
    private static long nanos(BigDecimal usd, String what, List<String> anomalies) {
        BigDecimal nanos = usd.setScale(Price.COST_SCALE, RoundingMode.HALF_UP).movePointRight(Price.COST_SCALE);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || nanos.signum() < 0) {
            anomalies.add(what + " " + usd.toPlainString() + " USD is outside the ledger's range, recorded as "
                    + (nanos.signum() < 0 ? "0" : "the largest amount it holds"));
            return nanos.signum() < 0 ? 0 : Long.MAX_VALUE;
        }
        return nanos.longValueExact();
    }

    /** Nano-USD back to dollars. */
    public static BigDecimal usd(long nanoUsd) {
        return BigDecimal.valueOf(nanoUsd, Price.COST_SCALE);
    }
}
