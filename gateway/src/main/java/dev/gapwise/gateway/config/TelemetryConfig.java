package dev.gapwise.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how the gateway exports its request spans ({@code telemetry:} in {@code gapwise.yaml}). Off unless the
 * section is present; off means no OpenTelemetry object is created at all. Immutable and thread-safe.
 *
 * @param enabled        whether spans are made and exported
 * @param endpoint       the OTLP receiver: for http/protobuf the full traces URL, for grpc the collector's address
 * @param protocol       how spans travel
 * @param headers        sent with every export (a collector's or vendor's API key, as an environment variable)
 * @param samplingRatio  the share of new traces kept, 0..1; a caller's sampled {@code traceparent} is always followed
 * @param serviceName    {@code service.name} of the exported resource
 * @param captureContent also record prompts and completions (redacted of credentials); off by default
 * @param exportInterval how long finished spans wait to be batched before an export
 * @param timeout        how long one export may take
 */
public record TelemetryConfig(boolean enabled, URI endpoint, Protocol protocol, Map<String, HeaderValue> headers,
                              double samplingRatio, String serviceName, boolean captureContent,
                              Duration exportInterval, Duration timeout) {
    /** No telemetry: the default. */
    public static final TelemetryConfig OFF = new TelemetryConfig(false, URI.create("http://127.0.0.1:4318/v1/traces"),
            Protocol.HTTP_PROTOBUF, Map.of(), 1.0, "gapwise", false, Duration.ofSeconds(5), Duration.ofSeconds(10));

    public TelemetryConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(protocol, "protocol");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(exportInterval, "exportInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (!(samplingRatio >= 0 && samplingRatio <= 1)) {
            throw new IllegalArgumentException("samplingRatio must be within 0..1");
        }
    }

    /** OTLP transports. */
    public enum Protocol {
        HTTP_PROTOBUF("http/protobuf", 4318),
        GRPC("grpc", 4317);

        private final String id;
        private final int defaultPort;

        Protocol(String id, int defaultPort) {
            this.id = id;
            this.defaultPort = defaultPort;
        }

        /** The name written in the configuration. */
        public String id() {
            return id;
        }

        /** The port an OTLP receiver listens on for this protocol by convention. */
        public int defaultPort() {
            return defaultPort;
        }
    }

    /** An export header's value: written in the file, or read from an environment variable. */
    public sealed interface HeaderValue {
        /** A value written in the file (not a secret). */
        record Literal(String value) implements HeaderValue {
        }

        /** A value read from the environment at start (an API key); never printed. */
        record Secret(SecretRef ref) implements HeaderValue {
        }
    }

    /** The values of the headers read from environment variables that are set (for redaction). */
    public java.util.List<String> secretValues(Map<String, String> environment) {
        return headers.values().stream().<String>mapMulti((value, out) -> {
            switch (value) {
                case HeaderValue.Secret(SecretRef ref) -> ref.resolve(environment).ifPresent(out);
                case HeaderValue.Literal literal -> {
                }
            }
        }).toList();
    }

    /** The header values in this environment; a missing variable fails the start, naming the header and variable. */
    public Map<String, String> resolvedHeaders(Map<String, String> environment) {
        Map<String, String> resolved = new LinkedHashMap<>();
        headers.forEach((name, value) -> resolved.put(name, switch (value) {
            case HeaderValue.Literal literal -> literal.value();
            case HeaderValue.Secret secret -> secret.ref().resolve(environment).orElseThrow(() -> new ConfigException(
                    "telemetry.headers." + name, "the environment variable " + secret.ref().variable()
                    + " is not set; export it or remove the header"));
        }));
        return resolved;
    }
}
