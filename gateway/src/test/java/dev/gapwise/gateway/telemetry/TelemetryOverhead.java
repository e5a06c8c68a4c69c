package dev.gapwise.gateway.telemetry;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.config.TelemetryConfig;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.route.Candidate;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.text.Redactor;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A harness (not a test) timing every telemetry hook one request makes — begin, received, routed, sending,
 * answered, attempted, finished — off, on but unsampled, and on and exported to a local receiver. Run with the
 * gateway's test classpath: {@code java -cp ... dev.gapwise.gateway.telemetry.TelemetryOverhead [requests]}. It
 * prints wall time and the calling thread's CPU time per request (the exporter's own thread is not included).
 * Results: docs/benchmarks.md.
 */
public final class TelemetryOverhead {
    private static final Deployment DEPLOYMENT = new Deployment("cheap@fakeai", "cheap-model", "fakeai", Dialect.OPENAI,
            URI.create("http://127.0.0.1:9/v1"), "cheap-upstream", "US", Price.of("0.10", "0.20"), OptionalLong.empty(),
            LocalDate.EPOCH, "harness");
    private static final JsonNode BODY = Json.MAPPER.readTree(
            "{\"model\":\"cheap-model\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    private static final JsonNode ANSWER = Json.MAPPER.readTree(
            "{\"id\":\"c1\",\"model\":\"cheap-upstream\",\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"content\":\"hello\"}}]}");

    private TelemetryOverhead() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        RequestContext context = new RequestContext("req_1", Instant.now(), Optional.empty(), Dialects.of(DialectKind.OPENAI),
                "cheap-model", "routine", "decision");
        RoutePlan.Route route = new RoutePlan.Route("routine", List.of(new Candidate(DEPLOYMENT, "cheapest")), "d");
        PricedAttempt priced = new PricedAttempt(new Attempt(context, 1, DEPLOYMENT, "cheapest", Instant.now(), 200,
                Optional.empty(), new Usage(12, 4, false), 1_000_000, -1), OptionalLong.of(2_000), Optional.empty(), 0,
                Optional.empty());
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            TelemetryConfig on = new TelemetryConfig(true, receiver.baseUrl().resolve("/v1/traces"),
                    TelemetryConfig.Protocol.HTTP_PROTOBUF, Map.of(), 1.0, "harness", false, Duration.ofMillis(200),
                    Duration.ofSeconds(10));
            for (int round = 0; round < 5; round++) {
                time("off", Telemetry.start(TelemetryConfig.OFF, Map.of(), Redactor.shapesOnly()), requests, context,
                        route, priced);
                time("on, unsampled (sampling_ratio 0)", Telemetry.start(new TelemetryConfig(true, on.endpoint(),
                        on.protocol(), Map.of(), 0.0, "harness", false, on.exportInterval(), on.timeout()), Map.of(),
                        Redactor.shapesOnly()), requests, context, route, priced);
                time("on, every span exported", Telemetry.start(on, Map.of(), Redactor.shapesOnly()), requests / 4,
                        context, route, priced);
            }
            System.out.println("spans received by the local OTLP receiver: " + receiver.spans().size());
        }
    }

    private static void time(String label, Telemetry telemetry, int requests, RequestContext context,
                             RoutePlan.Route route, PricedAttempt priced) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            RequestTrace trace = telemetry.begin("req_" + i, "/v1/chat/completions", DialectKind.OPENAI, name -> null);
            Runnable hooks = () -> {
                RequestTrace.current().received(BODY, false);
                RequestTrace.current().routed(context, route);
                RequestTrace.current().sending(1, DEPLOYMENT, DEPLOYMENT.baseUrl(), (name, value) -> { });
                RequestTrace.current().answered(DialectKind.OPENAI, ANSWER);
                RequestTrace.current().attempted(priced);
            };
            if (trace == RequestTrace.None.INSTANCE) {
                hooks.run();
            } else {
                ScopedValue.where(RequestTrace.CURRENT, trace).run(hooks);
            }
            trace.finished(200, "ok");
        }
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        telemetry.close();
        System.out.printf("%-36s %,10d requests  %,10.0f ns per request (wall)  %,10.0f ns (request thread's CPU)%n",
                label, requests, (double) nanos / requests, (double) cpu / requests);
    }
}
