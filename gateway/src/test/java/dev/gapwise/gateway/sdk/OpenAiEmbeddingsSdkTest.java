package dev.gapwise.gateway.sdk;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.FakeEmbeddings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official OpenAI Java SDK's embeddings call, unchanged (it asks for base64 by default), against the gateway: the
 * vectors it decodes equal the fake upstream's, whether the upstream honours base64 or answers floats regardless.
 */
class OpenAiEmbeddingsSdkTest {
    /** Two embedding deployments on the fake upstream; one answers floats whatever it is asked. */
    static final String EMBEDDINGS = """
            embeddings:
              deployments:
                - id: embed-small@fakeai
                  model: text-embedding-fake
                  provider: fakeai
                  upstream_model: embed-upstream
                  price: {input: 0.02}
                  jurisdiction: US
                - id: embed-floats@fakeai
                  model: floats-embedding
                  provider: fakeai
                  upstream_model: floats-only-embed
                  price: {input: 0.01}
                  jurisdiction: US
            """;

    @TempDir
    static Path dir;
    static TestGateway gw;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, EMBEDDINGS);
        client = OpenAIOkHttpClient.builder().baseUrl(gw.gateway.uri() + "/v1").apiKey("unused-on-loopback")
                .maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.upstream.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-embedding-fake", "floats-embedding"})
    void decodedVectorsOfTheSdksDefaultBase64EqualTheUpstreams(String model) {
        List<String> texts = List.of("The quick brown fox", "jumps over the lazy dog");
        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder().model(model)
                .inputOfArrayOfStrings(texts).build());

        assertThat(gw.upstream.received().getLast().body().path("encoding_format").asString()).isEqualTo("base64");
        assertThat(response.data()).hasSize(2);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(response.data().get(i).embeddingValue().isBase64()).isTrue();
            assertThat(response.data().get(i).embedding()).containsExactlyElementsOf(floats(texts.get(i)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text-embedding-fake", "floats-embedding"})
    void floatVectorsAskedForExplicitlyEqualTheUpstreams(String model) {
        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder().model(model)
                .input("a single text").encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT).build());

        assertThat(response.data().getFirst().embeddingValue().isFloats()).isTrue();
        assertThat(response.data().getFirst().embedding()).containsExactlyElementsOf(floats("a single text"));
    }

    @Test
    void usageAndCostReachTheLedgerAtTheEmbeddingDeploymentsInputRate() {
        gw.upstream.setDefault(dev.gapwise.gateway.fake.Behaviour.ok().reporting(1000, 0));

        CreateEmbeddingResponse response = client.embeddings().create(EmbeddingCreateParams.builder()
                .model("text-embedding-fake").input("count me").build());

        assertThat(response.usage().promptTokens()).isEqualTo(1000);
        var row = gw.ledgerRows().getLast();
        assertThat(row).containsEntry("deployment", "embed-small@fakeai").containsEntry("requested_model",
                "text-embedding-fake");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(1000);
        assertThat(((Number) row.get("output_tokens")).longValue()).isZero();
        // 1000 tokens at 0.02 USD per million
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isEqualTo(20_000L);
        assertThat(((Number) row.get("unpriced")).intValue()).isZero();
        // the embeddings' own baseline: the dearest callable embedding deployment, not the chat frontier
        assertThat(row).containsEntry("baseline_deployment", "embed-small@fakeai");
        assertThat(((Number) row.get("baseline_nano_usd")).longValue()).isEqualTo(20_000L);
    }

    private static List<Float> floats(String text) {
        float[] vector = FakeEmbeddings.vector(text);
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return List.of(boxed);
    }
}
