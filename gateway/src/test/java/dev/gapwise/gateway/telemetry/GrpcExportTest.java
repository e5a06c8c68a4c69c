package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code protocol: grpc} exports the same spans over OTLP/gRPC, headers included. */
class GrpcExportTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheRequestAndAttemptSpansOverGrpc() {
        try (OtlpReceiver receiver = OtlpReceiver.startGrpc();
             TestGateway gw = TestGateway.start(dir, """
                     telemetry:
                       endpoint: %s
                       protocol: grpc
                       export_interval: 50ms
                       headers: {x-collector-team: grpc-edge}
                     """.formatted(receiver.baseUrl()))) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", false));
            assertThat(response.statusCode()).isEqualTo(200);

            String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
            OtlpReceiver.Received request = receiver.requestSpan(id)
                    .orElseThrow(() -> new AssertionError("no span over gRPC for " + id));
            assertThat(request.attributes()).containsEntry("gen_ai.request.model", "cheap-model")
                    .containsEntry("gapwise.deployment", "cheap@fakeai");
            assertThat(receiver.await(span -> span.parentSpanId().equals(request.spanId()), 1,
                    java.time.Duration.ofSeconds(10))).hasSize(1);
            assertThat(receiver.exportHeaders()).isNotEmpty().allSatisfy(headers -> assertThat(headers)
                    .containsEntry("x-collector-team", "grpc-edge").containsEntry("content-type", "application/grpc"));
        }
    }
}
