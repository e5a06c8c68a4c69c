package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.text.CleanText;

import java.math.BigDecimal;

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
 * @param cacheReadTokens    prompt tokens read from the provider's cache (not in {@code inputTokens})
 * @param cacheWriteTokens   prompt tokens written to the cache, either lifetime (not in {@code inputTokens})
 * @param reasoningTokens    the part of {@code outputTokens} spent reasoning
 * @param team               the key's team, or null
 * @param atMillis           the start instant in epoch milliseconds (0 in rows written before it existed)
 * @param unpriced           true when the deployment had no price: {@code costNanoUsd} is 0 but the cost is unknown
 */
public record LedgerRow(String requestId, int attempt, String atUtc, String keyId, String ingress,
                        String requestedModel, String servedModel, String deployment, String provider, String tier,
                        String reason, int status, String errorClass, long inputTokens, long outputTokens,
                        boolean tokensEstimated, long costNanoUsd, String baselineDeployment, long baselineNanoUsd,
                        long latencyMicros, long ttftMicros, String decision, String anomaly, long cacheReadTokens,
                        long cacheWriteTokens, long reasoningTokens, String team, long atMillis, boolean unpriced) {
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
        team = CleanText.of(team, 200);
        inputTokens = Math.max(0, inputTokens);
        outputTokens = Math.max(0, outputTokens);
        cacheReadTokens = Math.max(0, cacheReadTokens);
        cacheWriteTokens = Math.max(0, cacheWriteTokens);
        reasoningTokens = Math.max(0, reasoningTokens);
    }

    /** The row for a priced attempt. */
    public static LedgerRow of(PricedAttempt priced) {
        Attempt attempt = priced.attempt();
        Usage usage = attempt.usage();
        return new LedgerRow(attempt.context().requestId(), attempt.number(), attempt.startedAt().toString(),
                attempt.context().keyId().orElse(null), attempt.context().ingress().id(),
                attempt.context().requestedModel(), attempt.deployment().modelId(), attempt.deployment().id(),
                attempt.deployment().provider(), attempt.context().tier(), attempt.reason(), attempt.status(),
                attempt.error().map(e -> e.id()).orElse(null), usage.inputTokens(), usage.outputTokens(),
                usage.estimated(), priced.costOrZero(), priced.baseline().map(Deployment::id).orElse(null),
                priced.baselineNanoUsd(), attempt.latencyNanos() / 1_000,
                attempt.firstTokenNanos() < 0 ? -1 : attempt.firstTokenNanos() / 1_000, attempt.context().decision(),
                priced.anomaly().orElse(null), usage.cacheReadTokens(),
                usage.cacheWriteTokens() + usage.cacheWrite1hTokens(), usage.reasoningTokens(),
                attempt.context().team().orElse(null), attempt.startedAt().toEpochMilli(),
                priced.costNanoUsd().isEmpty());
    }

    /** The UTC day of the row, for grouping. */
    String day() {
        return atUtc.substring(0, 10);
    }

    /** Nano-USD back to dollars. */
    public static BigDecimal usd(long nanoUsd) {
        return Pricing.usd(nanoUsd);
    }
}
