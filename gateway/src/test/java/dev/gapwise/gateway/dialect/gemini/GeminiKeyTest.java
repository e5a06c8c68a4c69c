package dev.gapwise.gateway.dialect.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ClientException;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import dev.gapwise.gateway.LogCapture;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A virtual key presented the Gemini ways: in {@code x-goog-api-key} (what the Google GenAI SDKs send) and in {@code
 * ?key=}; a wrong one is a 401 in the Gemini shape; neither key reaches a log line, a ledger row or the upstream.
 */
class GeminiKeyTest {
    @TempDir
    Path dir;

    @Test
    void acceptsTheKeyInTheGoogleHeaderAndTheQueryAndNeverLogsIt() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "", TestGateway::withGemini);
             LogCapture logs = LogCapture.start()) {
            VirtualKeys keys = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system());
            VirtualKeys.Created created = keys.create("gemini-cli", Optional.empty());
            gw.gateway.refresh();
            String body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Say hello\"}]}]}";

            Client sdk = Client.builder().apiKey(created.key()).httpOptions(HttpOptions.builder()
                    .baseUrl(gw.gateway.uri().toString()).build()).build();
            GenerateContentResponse viaHeader = sdk.models.generateContent("gemini-fake", "Say hello", null);
            HttpResponse<String> viaQuery = gw.post("/v1beta/models/gemini-fake:generateContent?key=" + created.key(),
                    body);
            HttpResponse<String> missing = gw.post("/v1beta/models/gemini-fake:generateContent", body);
            HttpResponse<String> wrong = gw.post("/v1beta/models/gemini-fake:generateContent?key=gw-wrong-4242", body);

            assertThat(viaHeader.text()).isEqualTo(Behaviour.TEXT);
            assertThat(viaQuery.statusCode()).isEqualTo(200);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(TestGateway.json(wrong.body()).path("error").path("status").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(wrong.body()).doesNotContain("gw-wrong-4242");
            assertThatThrownBy(() -> Client.builder().apiKey("gw-wrong-4242").httpOptions(HttpOptions.builder()
                    .baseUrl(gw.gateway.uri().toString()).build()).build().models
                    .generateContent("gemini-fake", "Say hello", null)).isInstanceOf(ClientException.class)
                    .hasMessageContaining("401");
            assertThat(String.join("\n", logs.messages())).doesNotContain(created.key()).doesNotContain("gw-wrong-4242");
            assertThat(gw.ledgerRows().toString()).doesNotContain(created.key());
            assertThat(gw.upstream.received()).allSatisfy(received -> {
                assertThat(received.headers().toString()).doesNotContain(created.key());
                assertThat(received.headers()).containsEntry("x-goog-api-key", TestGateway.OPENAI_KEY);
            });
            sdk.close();
        }
    }
}
