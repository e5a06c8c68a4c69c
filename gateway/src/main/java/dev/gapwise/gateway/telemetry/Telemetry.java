package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.config.TelemetryConfig;
import dev.gapwise.gateway.text.Redactor;

import java.util.Map;
import java.util.function.Function;

/**
 * The gateway's tracing: either off (nothing is created, every hook is a no-op) or exporting spans over OTLP.
 * Thread-safe.
 */
public sealed interface Telemetry extends AutoCloseable permits Telemetry.Off, OtlpTelemetry {

    /**
     * Starts tracing as configured: {@link Off#INSTANCE} when the configuration says off (no OpenTelemetry class
     * is touched), else an OTLP exporter with its batching thread.
     *
     * @param environment resolves the export headers' environment variables
     * @param redactor    removes credentials from captured content
     */
    static Telemetry start(TelemetryConfig config, Map<String, String> environment, Redactor redactor) {
        return config.enabled() ? OtlpTelemetry.start(config, environment, redactor) : Off.INSTANCE;
    }

    /**
     * A request arrived.
     *
     * @param requestId its id ({@code x-gapwise-request-id})
     * @param endpoint  the path it was sent to
     * @param ingress   the dialect the client speaks
     * @param headers   the request's header values by name (null when absent), for {@code traceparent}
     */
    RequestTrace begin(String requestId, String endpoint, DialectKind ingress, Function<String, String> headers);

    /** Whether spans are made. */
    boolean enabled();

    /** Exports what is still buffered (within the export timeout) and stops. */
    @Override
    void close();

    /** No tracing: the default. */
    enum Off implements Telemetry {
        INSTANCE;

        @Override
        public RequestTrace begin(String requestId, String endpoint, DialectKind ingress,
                                  Function<String, String> headers) {
            return RequestTrace.None.INSTANCE;
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
