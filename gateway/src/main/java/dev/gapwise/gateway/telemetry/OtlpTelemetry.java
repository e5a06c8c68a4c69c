package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.config.TelemetryConfig;
import dev.gapwise.gateway.text.Redactor;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Tracing on: the OpenTelemetry SDK with a batching OTLP exporter (http/protobuf or grpc), sampling new traces at
 * the configured ratio and following a caller's sampling decision. Thread-safe.
 */
final class OtlpTelemetry implements Telemetry {
    private static final Logger LOG = LoggerFactory.getLogger(OtlpTelemetry.class);
    private static final String SCOPE = "dev.gapwise.gateway";

    private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final TelemetryConfig config;
    private final Redactor redactor;

    private OtlpTelemetry(SdkTracerProvider provider, TelemetryConfig config, Redactor redactor) {
        this.provider = provider;
        this.tracer = provider.get(SCOPE);
        this.config = config;
        this.redactor = redactor;
    }

    static OtlpTelemetry start(TelemetryConfig config, Map<String, String> environment, Redactor redactor) {
        Map<String, String> headers = config.resolvedHeaders(environment);
        SpanExporter exporter = switch (config.protocol()) {
            case HTTP_PROTOBUF -> {
                OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                        .setEndpoint(config.endpoint().toString()).setTimeout(config.timeout());
                headers.forEach(builder::addHeader);
                yield builder.build();
            }
            case GRPC -> {
                OtlpGrpcSpanExporterBuilder builder = OtlpGrpcSpanExporter.builder()
                        .setEndpoint(config.endpoint().toString()).setTimeout(config.timeout());
                headers.forEach(builder::addHeader);
                yield builder.build();
            }
        };
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), config.serviceName()))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.samplingRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(config.exportInterval())
                        .setExporterTimeout(config.timeout())
                        .build())
                .build();
        LOG.info("telemetry: exporting spans over OTLP {} to {} (sampling {}, content {})", config.protocol().id(),
                config.endpoint(), config.samplingRatio(), config.captureContent() ? "captured" : "not captured");
        return new OtlpTelemetry(provider, config, redactor);
    }

    @Override
    public RequestTrace begin(String requestId, String endpoint, DialectKind ingress, Function<String, String> headers) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
        return new SpanTrace(tracer, parent, requestId, endpoint, ingress,
                config.captureContent() ? java.util.Optional.of(redactor) : java.util.Optional.empty());
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void close() {
        provider.shutdown().join(config.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }
}
