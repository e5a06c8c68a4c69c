package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.config.TelemetryConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code telemetry:} section: defaults, and an error naming the key, the value and the fix for each mistake. */
class TelemetryConfigTest {
    private static TelemetryConfig read(String section) {
        return ConfigLoader.parse(section, "test").telemetry();
    }

    @Test
    void isOffWithoutTheSection() {
        assertThat(ConfigLoader.parse("auth: none\n", "test").telemetry()).isEqualTo(TelemetryConfig.OFF);
        assertThat(TelemetryConfig.OFF.enabled()).isFalse();
    }

    @Test
    void aSectionTurnsItOnWithTheStandardEndpointAndNoContent() {
        TelemetryConfig config = read("telemetry: {service_name: edge}\n");
        assertThat(config.enabled()).isTrue();
        assertThat(config.protocol()).isEqualTo(TelemetryConfig.Protocol.HTTP_PROTOBUF);
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4318/v1/traces"));
        assertThat(config.captureContent()).isFalse();
        assertThat(config.samplingRatio()).isEqualTo(1.0);
        assertThat(config.serviceName()).isEqualTo("edge");
    }

    @Test
    void readsEveryKey() {
        TelemetryConfig config = read("""
                telemetry:
                  endpoint: https://otel.example.com:4317
                  protocol: grpc
                  headers: {authorization: "${OTEL_TOKEN}", x-team: edge}
                  sampling_ratio: 0.25
                  capture_content: true
                  export_interval: 2s
                  timeout: 3s
                """);
        assertThat(config.endpoint()).isEqualTo(URI.create("https://otel.example.com:4317"));
        assertThat(config.protocol()).isEqualTo(TelemetryConfig.Protocol.GRPC);
        assertThat(config.samplingRatio()).isEqualTo(0.25);
        assertThat(config.captureContent()).isTrue();
        assertThat(config.exportInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.resolvedHeaders(Map.of("OTEL_TOKEN", "Bearer abc")))
                .containsExactly(Map.entry("authorization", "Bearer abc"), Map.entry("x-team", "edge"));
        assertThat(config.secretValues(Map.of("OTEL_TOKEN", "Bearer abc"))).containsExactly("Bearer abc");
        assertThat(config.toString()).doesNotContain("Bearer abc");
    }

    @Test
    void aPathlessHttpEndpointGetsTheTracesPath() {
        assertThat(read("telemetry: {endpoint: 'http://collector:4318/'}\n").endpoint())
                .isEqualTo(URI.create("http://collector:4318/v1/traces"));
        assertThat(read("telemetry: {endpoint: 'http://collector:4318/otlp/v1/traces'}\n").endpoint())
                .isEqualTo(URI.create("http://collector:4318/otlp/v1/traces"));
    }

    @Test
    void namesTheKeyTheValueAndTheFixForEachMistake() {
        assertThatThrownBy(() -> read("telemetry: {protocol: thrift}\n")).isInstanceOf(ConfigException.class)
                .hasMessage("telemetry.protocol: 'thrift' must be http/protobuf or grpc");
        assertThatThrownBy(() -> read("telemetry: {endpoint: 'collector:4318'}\n"))
                .hasMessageStartingWith("telemetry.endpoint: 'collector:4318' must be an absolute http(s) URL");
        assertThatThrownBy(() -> read("telemetry: {endpoint: 'http://user:pw@collector:4318'}\n"))
                .hasMessageContaining("telemetry.endpoint: must carry no credentials");
        assertThatThrownBy(() -> read("telemetry: {sampling_ratio: 1.5}\n"))
                .hasMessage("telemetry.sampling_ratio: 1.5 must be between 0 and 1 (1 keeps every trace)");
        assertThatThrownBy(() -> read("telemetry: {sampling: 1}\n"))
                .hasMessageStartingWith("telemetry.sampling: unknown key; expected one of enabled, endpoint");
        assertThatThrownBy(() -> read("telemetry: {headers: {authorization: 'Bearer ${TOKEN}'}}\n"))
                .hasMessageStartingWith("telemetry.headers.authorization: write an environment variable reference alone")
                .hasMessageNotContaining("Bearer");
        assertThatThrownBy(() -> read("telemetry: {export_interval: 0s}\n"))
                .hasMessage("telemetry.export_interval: must be longer than 0, e.g. 5s");
        assertThatThrownBy(() -> read("telemetry: {headers: {authorization: '${MISSING_TOKEN}'}}\n")
                .resolvedHeaders(Map.of()))
                .hasMessage("telemetry.headers.authorization: the environment variable MISSING_TOKEN is not set; "
                        + "export it or remove the header");
    }
}
