package dev.gapwise.gateway.sdk;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.types.Content;
import com.google.genai.types.FunctionCall;
import com.google.genai.types.FunctionDeclaration;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.Tool;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Google GenAI Java SDK ({@code com.google.genai}), unchanged, against the gateway: generateContent and
 * streaming served by a Gemini-dialect upstream (native), an OpenAI one and an Anthropic one (translated); the
 * OpenAI SDK served by the Gemini upstream (egress); function calling; the Gemini error shape; the key in {@code
 * x-goog-api-key} reaching the upstream only as the provider's own key.
 */
class GeminiSdkTest {
    @TempDir
    static Path dir;
    static TestGateway gw;
    static Client gemini;
    static OpenAIClient openai;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, "", TestGateway::withGemini);
        gemini = Client.builder().apiKey("unused-on-loopback").httpOptions(HttpOptions.builder()
                .baseUrl(gw.gateway.uri().toString()).build()).build();
        openai = OpenAIOkHttpClient.builder().baseUrl(gw.gateway.uri() + "/v1").apiKey("unused-on-loopback")
                .maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        openai.close();
        gemini.close();
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.upstream.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-fake", "cheap-model", "claude-fake"})
    void generatesContent(String model) {
        GenerateContentResponse response = gemini.models.generateContent(model, "Say hello",
                GenerateContentConfig.builder().maxOutputTokens(50).build());

        assertThat(response.text()).isEqualTo(Behaviour.TEXT);
        assertThat(response.usageMetadata().orElseThrow().promptTokenCount()).hasValue(12);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-fake", "cheap-model", "claude-fake"})
    void streamsContent(String model) {
        StringBuilder text = new StringBuilder();
        try (ResponseStream<GenerateContentResponse> stream = gemini.models.generateContentStream(model, "Say hello",
                GenerateContentConfig.builder().build())) {
            for (GenerateContentResponse chunk : stream) {
                if (chunk.text() != null) {
                    text.append(chunk.text());
                }
            }
        }

        assertThat(text.toString()).isEqualTo(Behaviour.TEXT);
    }

    @Test
    void aGeminiDeploymentIsCalledAtItsModelsUrlWithTheProviderKeyInAHeader() {
        gemini.models.generateContent("gemini-fake", "Say hello", null);
        try (ResponseStream<GenerateContentResponse> stream = gemini.models.generateContentStream("gemini-fake",
                "Say hello", null)) {
            stream.forEach(chunk -> {
            });
        }

        List<FakeUpstream.Received> received = gw.upstream.received();
        assertThat(received).extracting(FakeUpstream.Received::path).containsExactly(
                "/v1beta/models/gemini-upstream:generateContent",
                "/v1beta/models/gemini-upstream:streamGenerateContent");
        assertThat(received.getFirst().headers()).containsEntry("x-goog-api-key", TestGateway.OPENAI_KEY);
        assertThat(received.getFirst().body().has("model")).isFalse();
        assertThat(received.getFirst().body().has("stream")).isFalse();
        assertThat(received.getFirst().body().path("contents").path(0).path("parts").path(0).path("text").asString())
                .isEqualTo("Say hello");
    }

    @Test
    void theOpenAiSdkIsServedByAGeminiDeploymentAtItsPrice() {
        gw.upstream.setDefault(Behaviour.ok().reporting(1000, 200));

        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gemini-fake").addUserMessage("Say hello").maxCompletionTokens(50).build());

        assertThat(completion.choices().getFirst().message().content()).hasValue(Behaviour.TEXT);
        assertThat(gw.upstream.received().getLast().path()).isEqualTo("/v1beta/models/gemini-upstream:generateContent");
        Map<String, Object> row = gw.ledgerRows().getLast();
        assertThat(row).containsEntry("deployment", "gemini@fakegemini");
        // 1000 x 0.30 + 200 x 2.50 per million
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isEqualTo(800_000L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-fake", "cheap-model", "claude-fake"})
    void callsAFunctionAndReadsItsResponse(String model) {
        Tool weather = Tool.builder().functionDeclarations(FunctionDeclaration.builder().name("get_weather")
                .description("The weather in a city").parameters(Schema.builder().type("OBJECT")
                        .properties(Map.of("location", Schema.builder().type("STRING").build()))
                        .required(List.of("location")).build()).build()).build();
        GenerateContentConfig config = GenerateContentConfig.builder().tools(weather).build();
        Content ask = Content.fromParts(Part.fromText("Weather in Paris?"));

        GenerateContentResponse first = gemini.models.generateContent(model, ask, config);

        FunctionCall call = first.functionCalls().getFirst();
        assertThat(call.name()).hasValue("get_weather");
        assertThat(call.args().orElseThrow()).containsEntry("location", "Paris");

        Content called = first.candidates().orElseThrow().getFirst().content().orElseThrow();
        Content answer = Content.builder().role("user").parts(Part.fromFunctionResponse("get_weather",
                Map.of("output", "sunny, 21 C"))).build();
        GenerateContentResponse second = gemini.models.generateContent(model, List.of(ask, called, answer), config);

        assertThat(second.text()).isEqualTo("The tool said: sunny, 21 C");
    }

    @Test
    void badInputIsA400InTheGeminiErrorShape() {
        HttpResponse<String> response = gw.post("/v1beta/models/gemini-fake:generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[]}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = TestGateway.json(response.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(400);
        assertThat(error.path("status").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("message").asString()).contains("'contents[0].parts' must be a non-empty array");
        assertThat(gw.upstream.received()).isEmpty();
    }

    @Test
    void anImageWithoutItsMimeTypeIsRefusedNamingIt() {
        HttpResponse<String> response = gw.post("/v1beta/models/gemini-fake:generateContent",
                "{\"contents\":[{\"parts\":[{\"inlineData\":{\"data\":\"iVBORw0KGgo=\"}}]}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestGateway.json(response.body()).path("error").path("message").asString())
                .contains("'contents[0].parts[0].inlineData.mimeType' is required");
    }

    @Test
    void anUnknownModelIsAGeminiNotFoundThatTheSdkRaises() {
        assertThatThrownBy(() -> gemini.models.generateContent("gemini-99", "Say hello", null))
                .isInstanceOf(ClientException.class).hasMessageContaining("404").hasMessageContaining("gemini-99");
    }

    @Test
    void theSameActionsAreServedUnderV1AndTheOpenAiModelListStays() {
        HttpResponse<String> generated = gw.post("/v1/models/gemini-fake:generateContent",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Say hello\"}]}]}");
        HttpResponse<String> list = gw.get("/v1/models");
        HttpResponse<String> geminiList = gw.get("/v1beta/models");

        assertThat(generated.statusCode()).isEqualTo(200);
        assertThat(TestGateway.json(generated.body()).path("candidates").path(0).path("content").path("parts").path(0)
                .path("text").asString()).isEqualTo(Behaviour.TEXT);
        assertThat(TestGateway.json(list.body()).path("object").asString()).isEqualTo("list");
        assertThat(TestGateway.json(geminiList.body()).path("models").findValuesAsString("name"))
                .contains("models/gemini-fake", "models/auto");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gemini-fake", "cheap-model", "claude-fake"})
    void aStreamCutUpstreamEndsWithAGeminiErrorChunkNotACleanEnd(String model) {
        gw.upstream.enqueue(Behaviour.ok().chunks(4, 0).cutAfter(2));

        String response = RawHttp.exchange(gw.gateway.uri(), "/v1beta/models/" + model
                + ":streamGenerateContent?alt=sse", "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}");

        assertThat(response).startsWith("HTTP/1.1 200").contains("\"error\"").contains("\"status\":\"UNAVAILABLE\"");
        assertThat(response).doesNotContain("finishReason");
        assertThat(response).as("no terminating chunk").doesNotEndWith("0\r\n\r\n");
    }
}
