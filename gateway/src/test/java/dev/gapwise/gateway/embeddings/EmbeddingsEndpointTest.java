package dev.gapwise.gateway.embeddings;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeEmbeddings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v1/embeddings} over raw HTTP: routing by the policy's tiers (a tier's list, its jurisdictions and
 * price cap), fallback to the next embedding deployment, the exact bytes of a base64 vector, and bad input refused
 * with a 4xx in the OpenAI error shape.
 */
class EmbeddingsEndpointTest {
    static final String CONFIG = """
            policy:
              tiers:
                critical:
                  allow_unknown_lag: true
                  objective: cheapest
                  jurisdictions: [DE]
                elevated:
                  allow_unknown_lag: true
                  objective: cheapest
                  max_input_price: 0.015
                routine:
                  allow_unknown_lag: true
                  objective: cheapest
              classifier:
                high_stakes: routine
              default_tier: routine
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
                - id: embed-eu@fakeai
                  model: eu-embedding
                  provider: fakeai
                  upstream_model: eu-embed
                  price: {input: 0.50}
                  jurisdiction: DE
              tiers:
                critical: [embed-small@fakeai, embed-eu@fakeai]
            """;

    @TempDir
    static Path dir;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, CONFIG);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.upstream.reset();
    }

    private static String request(String model, String extra) {
        return "{\"model\":\"" + model + "\",\"input\":[\"alpha\",\"beta\"]" + extra + "}";
    }

    @ParameterizedTest(name = "tier {0} -> {1}")
    @CsvSource({"routine, embed-floats@fakeai", "elevated, embed-floats@fakeai", "critical, embed-eu@fakeai"})
    void autoIsServedByTheTiersEligibleEmbeddingDeployment(String tier, String deployment) {
        HttpResponse<String> response = gw.post("/v1/embeddings", request("auto", ""), "x-gapwise-tier", tier);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue(deployment);
        assertThat(response.headers().firstValue("x-gapwise-route-reason").orElseThrow()).contains("tier=" + tier);
        assertThat(TestGateway.json(response.body()).path("data").get(1).path("embedding").size())
                .isEqualTo(FakeEmbeddings.DIMENSIONS);
    }

    @Test
    void aBase64VectorIsLittleEndianFloat32OfTheUpstreamsFloats() {
        HttpResponse<String> response = gw.post("/v1/embeddings",
                request("floats-embedding", ",\"encoding_format\":\"base64\""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gw.upstream.received().getLast().body().path("model").asString()).isEqualTo("floats-only-embed");
        byte[] bytes = Base64.getDecoder().decode(TestGateway.json(response.body()).path("data").get(0)
                .path("embedding").asString());
        float[] expected = FakeEmbeddings.vector("alpha");
        assertThat(bytes).hasSize(expected.length * 4);
        ByteBuffer little = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : expected) {
            assertThat(Float.floatToRawIntBits(little.getFloat())).isEqualTo(Float.floatToRawIntBits(value));
        }
    }

    @Test
    void aNamedModelTheTierForbidsIsRefusedWithItsReasons() {
        HttpResponse<String> response = gw.post("/v1/embeddings", request("text-embedding-fake", ""),
                "x-gapwise-tier", "critical");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = TestGateway.json(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("model_not_allowed");
        assertThat(error.path("message").asString()).contains("embed-small@fakeai (region US not in [DE])");
        assertThat(gw.upstream.received()).isEmpty();
    }

    @Test
    void aDeploymentOverTheTiersPriceCapIsNotUsed() {
        HttpResponse<String> response = gw.post("/v1/embeddings", request("text-embedding-fake", ""),
                "x-gapwise-tier", "elevated");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(TestGateway.json(response.body()).path("error").path("message").asString())
                .contains("input price 0.02 above max_input_price 0.015");
    }

    @Test
    void aFailingEmbeddingDeploymentIsRetriedThenFallsBackToTheNext() {
        gw.upstream.enqueue(Behaviour.status(503), Behaviour.status(503));

        HttpResponse<String> response = gw.post("/v1/embeddings", request("auto", ""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("embed-small@fakeai");
        String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
        List<Map<String, Object>> rows = gw.ledgerRows().stream().filter(r -> id.equals(r.get("request_id"))).toList();
        assertThat(rows).extracting(r -> r.get("deployment"))
                .containsExactly("embed-floats@fakeai", "embed-floats@fakeai", "embed-small@fakeai");
        assertThat(rows).extracting(r -> ((Number) r.get("status")).intValue()).containsExactly(503, 503, 200);
    }

    @Test
    void anUnknownModelIsA404InTheOpenAiShape() {
        HttpResponse<String> response = gw.post("/v1/embeddings", request("no-such-embedder", ""));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestGateway.json(response.body()).path("error").path("code").asString()).isEqualTo("model_not_found");
    }

    @Test
    void aTierThePolicyDoesNotDefineIsA400() {
        HttpResponse<String> response = gw.post("/v1/embeddings", request("auto", ""), "x-gapwise-tier", "vip");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestGateway.json(response.body()).path("error").path("message").asString())
                .contains("does not define");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"model\":\"auto\"}|'input' is required",
            "{\"model\":\"auto\",\"input\":\"\"}|'input' must not be an empty string",
            "{\"model\":\"auto\",\"input\":[\"a\",7]}|'input[1]'",
            "{\"model\":\"auto\",\"input\":[\"a\"],\"encoding_format\":\"int8\"}|'encoding_format' must be",
            "{\"model\":\"auto\",\"input\":[\"a\"],\"dimensions\":0}|'dimensions' must be a positive integer",
            "{\"model\":\"auto\",\"input\":[\"a\"],\"stream\":true}|'stream' is not a field",
            "{\"input\":[\"a\"]}|'model' is required",
            "[1,2]|must be a JSON object",
            "{\"model\":|not valid JSON"})
    void badInputIsA400NamingTheProblemInTheOpenAiShape(String body, String message) {
        HttpResponse<String> response = gw.post("/v1/embeddings", body);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestGateway.json(response.body()).path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asString()).contains(message);
        assertThat(gw.upstream.received()).isEmpty();
    }
}
