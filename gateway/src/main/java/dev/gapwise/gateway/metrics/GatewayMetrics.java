package dev.gapwise.gateway.metrics;

import dev.gapwise.gateway.ledger.LedgerRow;
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

    public GatewayMetrics() {
        overhead = Timer.builder("gapwise.overhead").description("Time spent in the gateway, upstream waits excluded")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
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

    /** One upstream attempt, as the ledger recorded it. */
    public void attempt(LedgerRow row) {
        String deployment = row.deployment();
        String error = row.errorClass() == null ? "none" : row.errorClass();
        counter("gapwise.attempts", "Upstream attempts by deployment and error class",
                "deployment", deployment, "error", error).increment();
        if (row.errorClass() != null) {
            rejected(error);
        }
        counter("gapwise.tokens", "Tokens by deployment and direction", "deployment", deployment, "direction", "input")
                .increment(row.inputTokens());
        counter("gapwise.tokens", "Tokens by deployment and direction", "deployment", deployment, "direction", "output")
                .increment(row.outputTokens());
        counter("gapwise.cost.usd", "Spend in USD by deployment", "deployment", deployment)
                .increment(LedgerRow.usd(row.costNanoUsd()).doubleValue());
        timer("gapwise.upstream.duration", "Upstream attempt duration", "deployment", deployment)
                .record(row.latencyMicros(), TimeUnit.MICROSECONDS);
    }

    /** One error by class: failed upstream attempts and client errors caught at the edge (bad input, auth). */
    public void rejected(String errorClass) {
        counter("gapwise.errors", "Errors by class", "class", errorClass).increment();
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
