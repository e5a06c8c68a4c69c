package dev.gapwise.gateway;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A keyless local server (Ollama, vLLM) with discover_models: its models become free, routable deployments. */
class LocalModelDiscoveryTest {
    @TempDir
    Path dir;

    @Test
    void discoversTheLocalModelsAndRoutesAutoToTheFreeOne() throws Exception {
        try (FakeUpstream local = FakeUpstream.start()) {
            String yaml = """
                    server: {host: 127.0.0.1, port: 0}
                    providers:
                      local:
                        dialect: openai
                        base_url: %s
                        discover_models: true
                    catalog_deployments: false
                    ledger: {url: "jdbc:sqlite:%s/l.db"}
                    %s
                    """.formatted(local.baseUrl(), dir, TestGateway.PERMISSIVE_POLICY);
            try (Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, "test"), new Catalog(List.of(), List.of()),
                    Map.of(), InstantSource.system())) {
                HttpClient http = HttpClient.newHttpClient();
                String models = http.send(HttpRequest.newBuilder(gateway.uri().resolve("/v1/models")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                HttpResponse<String> chat = http.send(HttpRequest.newBuilder(gateway.uri().resolve("/v1/chat/completions"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestGateway.openAiChat("auto", false))).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(models).contains("\"llama-local\"", "\"llama-local@local\"");
                assertThat(chat.statusCode()).isEqualTo(200);
                assertThat(chat.headers().firstValue("x-gapwise-deployment")).hasValue("llama-local@local");
                assertThat(local.received().getLast().headers()).doesNotContainKey("authorization");
            }
        }
    }
}
