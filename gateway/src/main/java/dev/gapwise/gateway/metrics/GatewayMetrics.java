package dev.gapwise.gateway.metrics;

import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.ErrorClass;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's meters, registered in one Prometheus registry owned by this object. Meters are looked up once
 * per label combination and cached, so recording costs a map lookup and an add. Thread-safe.
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer overhead;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> budgetRatios = new ConcurrentHashMap<>();

    public GatewayMetrics() {
        overhead = Timer.builder("gapwise.overhead").description("Time spent in the gateway, upstream waits excluded")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    }

    /** One finished client request. */
    public void request(String endpoint, int status, String outcome, long durationNanos, long overheadNanos) {
        counter("gapwise.requests", "Client requests by endpoint, status and outcome",
                "endpoint", endpoint, "status", String.valueOf(status), "outcome", outcome).increment();
        timer("gapwise.request.duration", "Client request duration, upstream included", "endpoint", endpoint)
                .record(durationNanos, TimeUnit.NANOSECONDS);
        if (overheadNanos >= 0) {
            overhead.record(overheadNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** One upstream attempt, priced. */
    public void attempt(PricedAttempt priced) {
        Attempt attempt = priced.attempt();
        if (priced.anomaly().isPresent()) {
            usageAnomaly();
        }
        String deployment = attempt.deployment().id();
        String error = attempt.error().map(ErrorClass::id).orElse("none");
        counter("gapwise.attempts", "Upstream attempts by deployment and error class",
                "deployment", deployment, "error", error).increment();
        if (attempt.error().isPresent()) {
            rejected(error);
        }
        Usage usage = attempt.usage();
        tokens(deployment, "input", usage.inputTokens());
        tokens(deployment, "output", usage.outputTokens());
        tokens(deployment, "cache_read", usage.cacheReadTokens());
        tokens(deployment, "cache_write", usage.cacheWriteTokens() + usage.cacheWrite1hTokens());
        if (priced.costNanoUsd().isPresent()) {
            counter("gapwise.cost.usd", "Spend in USD by deployment", "deployment", deployment)
                    .increment(Pricing.usd(priced.costNanoUsd().getAsLong()).doubleValue());
        } else {
            counter("gapwise.unpriced.attempts", "Attempts on deployments without a price (cost unknown)",
                    "deployment", deployment).increment();
        }
        timer("gapwise.upstream.duration", "Upstream attempt duration", "deployment", deployment)
                .record(attempt.latencyNanos() / 1_000, TimeUnit.MICROSECONDS);
    }

    private void tokens(String deployment, String direction, long count) {
        if (count > 0 || direction.equals("input") || direction.equals("output")) {
            counter("gapwise.tokens", "Tokens by deployment and kind", "deployment", deployment, "direction", direction)
                    .increment(count);
        }
    }

    /** One error by class: failed upstream attempts and client errors caught at the edge (bad input, auth). */
    public void rejected(String errorClass) {
        counter("gapwise.errors", "Errors by class", "class", errorClass).increment();
    }

    /** Bytes of request bodies in flight (read, parsed or being served), against the in-flight bound. */
    public void inflightBodies(java.util.function.LongSupplier bytes) {
        io.micrometer.core.instrument.Gauge.builder("gapwise.inflight.body.bytes", bytes::getAsLong)
                .description("Memory charged by request bodies in flight").baseUnit("bytes").register(registry);
    }

    /**
     * The ledger writer: rows waiting in the pending file, rows quarantined to the dead-letter file (alert on any
     * increase), and whether the database takes rows.
     */
    public void ledger(dev.gapwise.gateway.ledger.Ledger ledger) {
        io.micrometer.core.instrument.Gauge.builder("gapwise.ledger.pending.rows", ledger::pendingRows)
                .description("Ledger rows durable in the pending file, not yet in the database").register(registry);
        io.micrometer.core.instrument.FunctionCounter.builder("gapwise.ledger.quarantined.rows", ledger,
                        l -> l.quarantinedRows())
                .description("Ledger rows the database refused, kept in the dead-letter file").register(registry);
        io.micrometer.core.instrument.Gauge.builder("gapwise.ledger.database.up", () -> ledger.status().databaseUp() ? 1 : 0)
                .description("1 while the ledger's database takes rows").register(registry);
    }

    /** Upstream usage the gateway had to clamp (negative or implausibly large token counts). */
    public void usageAnomaly() {
        counter("gapwise.usage.anomalies", "Attempts whose reported usage was implausible and clamped").increment();
    }

    /** A budget's window is this far used (0.75 = 75 %), as the last settle or admission saw it. */
    public void budgetUsed(String budgetId, String scope, String subject, String period, String target, double ratio) {
        budgetRatios.computeIfAbsent(budgetId, id -> {
            java.util.concurrent.atomic.AtomicLong bits = new java.util.concurrent.atomic.AtomicLong();
            io.micrometer.core.instrument.Gauge.builder("gapwise.budget.used.ratio",
                            () -> Double.longBitsToDouble(bits.get()))
                    .description("Share of a budget's current window spent (1 = the whole budget)")
                    .tags("budget", id, "scope", scope, "subject", subject, "period", period, "target", target)
                    .register(registry);
            return bits;
        }).set(Double.doubleToLongBits(ratio));
    }

    /** A budget crossed an alert threshold (in percent) in its window. */
    public void budgetAlert(String scope, String subject, String period, int threshold) {
        counter("gapwise.budget.alerts", "Budget alert thresholds crossed", "scope", scope, "subject", subject,
                "period", period, "threshold", Integer.toString(threshold)).increment();
    }

    /** An attempt stopped by a budget or a rate limit, by kind (throttled, budget, over_limit, unavailable, unpriced). */
    public void spendStop(String kind) {
        counter("gapwise.spend.refusals", "Attempts stopped by budgets and rate limits, by kind", "kind", kind)
                .increment();
    }

    /** A request served without its rate limits because their counters were unreachable ({@code on_outage: serve}). */
    public void spendUnenforced() {
        counter("gapwise.spend.unenforced", "Requests served without rate limits while their counters were unreachable")
                .increment();
    }

    /** Settles waiting for the counters to answer again. */
    public void pendingSettles(java.util.function.LongSupplier count) {
        io.micrometer.core.instrument.Gauge.builder("gapwise.spend.pending.settles", count::getAsLong)
                .description("Budget settles waiting for Redis to answer").register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("\u0000", tags),
                key -> Counter.builder(name).description(description).tags(tags).register(registry));
    }

    private Timer timer(String name, String description, String... tags) {
        return timers.computeIfAbsent(name + String.join("\u0000", tags),
                key -> Timer.builder(name).description(description).tags(tags).publishPercentileHistogram()
                        .register(registry));
    }
}
