package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A request made with a virtual key names the key's id and the tier it set, and never the key itself. */
class KeyTelemetryTest {
    @TempDir
    Path dir;

    @Test
    void namesTheKeysIdAndItsTierButNeverTheKey() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
             TestGateway gw = TestGateway.start(dir, """
                     telemetry:
                       endpoint: %s
                       export_interval: 50ms
                       capture_content: true
                     """.formatted(receiver.baseUrl()))) {
            VirtualKeys.Created created = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system())
                    .create("crm", Optional.of("critical"));
            gw.gateway.refresh();

            HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false),
                    "Authorization", "Bearer " + created.key());
            assertThat(response.statusCode()).isEqualTo(200);

            String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
            OtlpReceiver.Received request = receiver.requestSpan(id).orElseThrow();
            assertThat(request.attributes()).containsEntry("gapwise.key.id", created.record().id())
                    .containsEntry("gapwise.tier", "critical")
                    .containsEntry("gapwise.tier.source", "api-key");
            assertThat(receiver.await(span -> span.traceId().equals(request.traceId()), 2,
                    java.time.Duration.ofSeconds(10))).hasSize(2).allSatisfy(span -> assertThat(span.attributes()
                    .values()).noneMatch(value -> String.valueOf(value).contains(created.key().substring(3))));
        }
    }
}
