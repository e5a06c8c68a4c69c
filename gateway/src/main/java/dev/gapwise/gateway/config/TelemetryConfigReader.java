package dev.gapwise.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the {@code telemetry:} section; every error names the key, the bad value and the fix. Stateless. */
final class TelemetryConfigReader {
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private TelemetryConfigReader() {
    }

    /** The section as read, or {@link TelemetryConfig#OFF} when the file has none. */
    static TelemetryConfig read(ConfigNode top) {
        if (!top.has("telemetry")) {
            return TelemetryConfig.OFF;
        }
        ConfigNode node = top.child("telemetry");
        node.only("enabled", "endpoint", "protocol", "headers", "sampling_ratio", "service_name", "capture_content",
                "export_interval", "timeout");
        TelemetryConfig.Protocol protocol = node.optionalText("protocol").map(text -> switch (text) {
            case "http/protobuf" -> TelemetryConfig.Protocol.HTTP_PROTOBUF;
            case "grpc" -> TelemetryConfig.Protocol.GRPC;
            default -> throw node.error("protocol", "'" + text + "' must be http/protobuf or grpc");
        }).orElse(TelemetryConfig.Protocol.HTTP_PROTOBUF);
        URI endpoint = endpoint(node, protocol);
        double ratio = node.optionalDecimal("sampling_ratio", "kept traces per trace, from 0 to 1").map(java.math.BigDecimal::doubleValue)
                .orElse(1.0);
        if (!(ratio >= 0 && ratio <= 1)) {
            throw node.error("sampling_ratio", ratio + " must be between 0 and 1 (1 keeps every trace)");
        }
        String service = node.optionalText("service_name").orElse("gapwise").strip();
        if (service.isEmpty()) {
            throw node.error("service_name", "is empty; write a name such as gapwise");
        }
        Duration interval = node.optionalDuration("export_interval").orElse(TelemetryConfig.OFF.exportInterval());
        Duration timeout = node.optionalDuration("timeout").orElse(TelemetryConfig.OFF.timeout());
        if (interval.isZero() || timeout.isZero()) {
            throw node.error(interval.isZero() ? "export_interval" : "timeout", "must be longer than 0, e.g. 5s");
        }
        return new TelemetryConfig(node.optionalBoolean("enabled").orElse(true), endpoint, protocol,
                headers(node.child("headers")), ratio, service, node.optionalBoolean("capture_content").orElse(false),
                interval, timeout);
    }

    /**
     * The receiver's URL. For http/protobuf a URL without a path gets the standard {@code /v1/traces}; grpc takes
     * the collector's address as written.
     */
    private static URI endpoint(ConfigNode node, TelemetryConfig.Protocol protocol) {
        String text = node.optionalText("endpoint").orElse("http://127.0.0.1:" + protocol.defaultPort()).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw node.error("endpoint", "'" + text + "' is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw node.error("endpoint", "'" + text + "' must be an absolute http(s) URL, e.g. http://127.0.0.1:"
                    + protocol.defaultPort());
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null) {
            throw node.error("endpoint", "must carry no credentials or query; put an API key under telemetry.headers");
        }
        boolean noPath = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
        return switch (protocol) {
            case HTTP_PROTOBUF -> noPath ? uri.resolve("/v1/traces") : uri;
            case GRPC -> uri;
        };
    }

    private static Map<String, TelemetryConfig.HeaderValue> headers(ConfigNode node) {
        Map<String, TelemetryConfig.HeaderValue> headers = new LinkedHashMap<>();
        for (String name : node.keys()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw node.error(name, "is not a valid HTTP header name");
            }
            String value = node.requiredText(name).strip();
            Matcher reference = ENV_REF.matcher(value);
            if (reference.matches()) {
                headers.put(name, new TelemetryConfig.HeaderValue.Secret(new SecretRef(reference.group(1))));
            } else if (value.contains("${")) {
                throw node.error(name, "write an environment variable reference alone, e.g. ${OTEL_API_KEY} "
                        + "(the value given is not shown)");
            } else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                throw node.error(name, "holds a control character; write a plain header value");
            } else {
                headers.put(name, new TelemetryConfig.HeaderValue.Literal(value));
            }
        }
        return headers;
    }
}
