package dev.gapwise.gateway.metrics;

import dev.gapwise.gateway.ledger.LedgerRow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/** The gateway's meters, registered in one Prometheus registry owned by this object. Thread-safe. */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer overhead;

    public GatewayMetrics() {
        overhead = Timer.builder("gapwise.overhead").description("Time spent in the gateway, upstream waits excluded")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1)).register(registry);
    }

    /** One finished client request. */
    public void request(String endpoint, int status, String outcome, long durationNanos, long overheadNanos) {
        Counter.builder("gapwise.requests").description("Client requests by endpoint, status and outcome")
                .tag("endpoint", endpoint).tag("status", String.valueOf(status)).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("gapwise.request.duration").description("Client request duration, upstream included")
                .tag("endpoint", endpoint).publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(durationNanos));
        if (overheadNanos >= 0) {
            overhead.record(Duration.ofNanos(overheadNanos));
        }
    }

    /** One upstream attempt, as the ledger recorded it. */
    public void attempt(LedgerRow row) {
        String deployment = row.deployment();
        String error = row.errorClass() == null ? "none" : row.errorClass();
        Counter.builder("gapwise.attempts").description("Upstream attempts by deployment and error class")
                .tag("deployment", deployment).tag("error", error).register(registry).increment();
        if (row.errorClass() != null) {
            Counter.builder("gapwise.errors").description("Failed upstream attempts by error class")
                    .tag("class", error).register(registry).increment();
        }
        Counter.builder("gapwise.tokens").description("Tokens by deployment and direction").tag("deployment", deployment)
                .tag("direction", "input").register(registry).increment(row.inputTokens());
        Counter.builder("gapwise.tokens").description("Tokens by deployment and direction").tag("deployment", deployment)
                .tag("direction", "output").register(registry).increment(row.outputTokens());
        Counter.builder("gapwise.cost.usd").description("Spend in USD by deployment").tag("deployment", deployment)
                .register(registry).increment(LedgerRow.usd(row.costNanoUsd()).doubleValue());
        Timer.builder("gapwise.upstream.duration").description("Upstream attempt duration").tag("deployment", deployment)
                .publishPercentileHistogram().register(registry).record(Duration.ofNanos(row.latencyMicros() * 1_000));
    }

    /** One client error caught at the edge before any upstream call (bad input, auth). */
    public void rejected(String errorClass) {
        Counter.builder("gapwise.errors").description("Failed upstream attempts by error class")
                .tag("class", errorClass).register(registry).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
