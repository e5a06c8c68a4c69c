package dev.gapwise.gateway.dialect;

import dev.gapwise.gateway.RawHttp;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every dialect pair keeps, through the real gateway against the fake upstream: each client dialect
 * ({@link #CLIENTS}) is served by each upstream dialect ({@link #UPSTREAMS}) — plain and streamed answers, tool
 * calls, images, cut streams and failing upstreams (an error in the client's dialect, never a clean end), and bad
 * input (a 400 in the client's error shape, nothing sent upstream). A new dialect joins by adding one line to
 * either list.
 */
class DialectContractTest {
    @TempDir
    static Path dir;
    static TestGateway gw;

    /** A tiny PNG's base64 start: it must reach the upstream whatever the dialects. */
    static final String IMAGE_DATA = "iVBORw0KGgoAAAANSUhEUgAAAAE";

    /** The client side of a dialect: how the contract's requests are written in it and its answers read. */
    interface Client {
        String name();

        String path();

        /** The path of a request for {@code model}; the same for every request unless the URL names the model. */
        default String path(String model, boolean stream) {
            return path();
        }

        /** One user message saying hello. */
        String plain(String model, boolean stream);

        /** A question with a get_weather(location) tool. */
        String withTool(String model);

        /** A question with a PNG image ({@link #IMAGE_DATA}). */
        String withImage(String model);

        /** A question asking for reasoning in this dialect's words (Anthropic's {@code thinking}, OpenAI's effort). */
        String withThinking(String model);

        /** The signature of the answer's reasoning, when the dialect carries signed reasoning and the answer has it. */
        java.util.Optional<String> thinkingSignature(JsonNode answer);

        /** A request this dialect must refuse with a 400 before calling anyone. */
        String broken(String model);

        /** The text of a complete answer. */
        String text(JsonNode answer);

        /** The tool called in a complete answer: its name and its {@code location} argument. */
        List<String> toolCall(JsonNode answer);

        /** The text of a streamed answer. */
        String streamedText(String sse);

        /** True when a stream ended with the dialect's clean final event. */
        boolean endedCleanly(String sse);

        /** True when an error body has this dialect's shape. */
        boolean isError(JsonNode body);

        /** True when a stream carries an error event in this dialect's shape. */
        boolean hasErrorEvent(String sse);
    }

    /**
     * An upstream dialect: the test model routed to it and how its requests look.
     *
     * @param signsThinking the fake answers a reasoning request with a signed thinking block in this dialect
     */
    record Upstream(String name, String model, String path, String imageMarker, boolean signsThinking) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Client> CLIENTS = List.of(new OpenAiClient(), new AnthropicClient(), new GeminiClient(),
            new ResponsesContractClient());
    static final List<Upstream> UPSTREAMS = List.of(
            new Upstream("openai", "cheap-model", "/v1/chat/completions", "\"image_url\"", false),
            new Upstream("anthropic", "claude-fake", "/v1/messages", "\"type\":\"image\"", true),
            new Upstream("gemini", "gemini-fake", "/v1beta/models/gemini-upstream:generateContent", "\"inlineData\"", false));

    /** One gateway for the suite, with a Gemini provider and deployment beside the others. */
    @BeforeAll
    static void startGateway() {
        gw = TestGateway.start(dir, "", TestGateway::withGemini);
    }

    @AfterAll
    static void stopGateway() {
        gw.close();
    }

    @BeforeEach
    void resetUpstream() {
        gw.upstream.reset();
    }

    static Stream<Arguments> pairs() {
        return CLIENTS.stream().flatMap(client -> UPSTREAMS.stream().map(upstream -> Arguments.of(client, upstream)));
    }

    private static HttpResponse<String> post(Client client, String model, boolean stream, String body) {
        return gw.post(client.path(model, stream), body);
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void answersInTheClientsDialect(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), false, client.plain(upstream.model(), false));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(client.text(TestGateway.json(response.body()))).isEqualTo(Behaviour.TEXT);
        assertThat(gw.upstream.received().getFirst().path()).isEqualTo(upstream.path());
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void streamsInTheClientsDialectAndEndsCleanly(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), true, client.plain(upstream.model(), true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(client.streamedText(response.body())).isEqualTo(Behaviour.TEXT);
        assertThat(client.endedCleanly(response.body())).as(response.body()).isTrue();
        assertThat(client.hasErrorEvent(response.body())).isFalse();
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void relaysToolCalls(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), false, client.withTool(upstream.model()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(client.toolCall(TestGateway.json(response.body()))).containsExactly("get_weather", "Paris");
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void carriesImagesToTheUpstreamInItsDialect(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), false, client.withImage(upstream.model()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String sent = gw.upstream.received().getFirst().body().toString();
        assertThat(sent).contains(IMAGE_DATA).contains(upstream.imageMarker());
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void keepsSignedThinkingWhereBothSidesCarryItAndNotesItWhereNot(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), false, client.withThinking(upstream.model()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = TestGateway.json(response.body());
        assertThat(client.text(answer)).isEqualTo(Behaviour.TEXT);
        boolean sameDialect = client.name().equals(upstream.name());
        if (sameDialect && upstream.signsThinking()) {
            assertThat(client.thinkingSignature(answer)).hasValue(dev.gapwise.gateway.fake.FakeUpstream.SIGNATURE);
        } else {
            assertThat(client.thinkingSignature(answer)).isEmpty();
        }
        if (!sameDialect) {
            assertThat(response.headers().firstValue("x-gapwise-translation")).as("the reasoning request is noted")
                    .hasValueSatisfying(note -> assertThat(note).contains("dropped"));
        }
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void endsACutStreamWithAnErrorEventNeverCleanly(Client client, Upstream upstream) {
        gw.upstream.enqueue(Behaviour.ok().cutAfter(2));

        String response = RawHttp.exchange(gw.gateway.uri(), client.path(upstream.model(), true),
                client.plain(upstream.model(), true));

        assertThat(response).startsWith("HTTP/1.1 200").contains("stream_cut");
        assertThat(client.hasErrorEvent(response)).as(response).isTrue();
        assertThat(client.endedCleanly(response)).isFalse();
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void relaysAnUpstreamErrorEventMidStreamInTheClientsDialect(Client client, Upstream upstream) {
        gw.upstream.enqueue(Behaviour.ok().cutAfter(2).saying("the fake upstream broke down"));

        String response = RawHttp.exchange(gw.gateway.uri(), client.path(upstream.model(), true),
                client.plain(upstream.model(), true));

        assertThat(response).startsWith("HTTP/1.1 200").contains("the fake upstream broke down");
        assertThat(client.hasErrorEvent(response)).as(response).isTrue();
        assertThat(client.endedCleanly(response)).isFalse();
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void answersAFailingUpstreamWithAnErrorInTheClientsShape(Client client, Upstream upstream) {
        gw.upstream.setDefault(Behaviour.status(500));

        HttpResponse<String> plain = post(client, upstream.model(), false, client.plain(upstream.model(), false));
        HttpResponse<String> streamed = post(client, upstream.model(), true, client.plain(upstream.model(), true));

        for (HttpResponse<String> response : List.of(plain, streamed)) {
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(client.isError(TestGateway.json(response.body()))).as(response.body()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} client, {1} upstream")
    @MethodSource("pairs")
    void refusesBrokenInputWithA400InTheClientsShapeAndCallsNoOne(Client client, Upstream upstream) {
        HttpResponse<String> response = post(client, upstream.model(), false, client.broken(upstream.model()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(client.isError(TestGateway.json(response.body()))).as(response.body()).isTrue();
        assertThat(gw.upstream.received()).isEmpty();
    }

    /** OpenAI Chat Completions. */
    record OpenAiClient() implements Client {
        @Override
        public String name() {
            return "openai";
        }

        @Override
        public String path() {
            return "/v1/chat/completions";
        }

        @Override
        public String plain(String model, boolean stream) {
            return TestGateway.openAiChat(model, stream);
        }

        @Override
        public String withTool(String model) {
            return """
                    {"model":"%s","messages":[{"role":"user","content":"Weather in Paris?"}],
                     "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object",
                     "properties":{"location":{"type":"string"}}}}}]}""".formatted(model);
        }

        @Override
        public String withImage(String model) {
            return """
                    {"model":"%s","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                     {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}""".formatted(model, IMAGE_DATA);
        }

        @Override
        public String withThinking(String model) {
            return """
                    {"model":"%s","reasoning_effort":"low","messages":[{"role":"user","content":"Say hello"}]}"""
                    .formatted(model);
        }

        /** Chat Completions has no signed reasoning. */
        @Override
        public java.util.Optional<String> thinkingSignature(JsonNode answer) {
            return java.util.Optional.empty();
        }

        @Override
        public String broken(String model) {
            return """
                    {"model":"%s","messages":[{"role":"wizard","content":"hi"}]}""".formatted(model);
        }

        @Override
        public String text(JsonNode answer) {
            return answer.path("choices").path(0).path("message").path("content").asString();
        }

        @Override
        public List<String> toolCall(JsonNode answer) {
            JsonNode call = answer.path("choices").path(0).path("message").path("tool_calls").path(0).path("function");
            return List.of(call.path("name").asString(), TestGateway.json(call.path("arguments").asString("{}"))
                    .path("location").asString());
        }

        @Override
        public String streamedText(String sse) {
            StringBuilder text = new StringBuilder();
            for (String line : TestGateway.dataLines(sse)) {
                if (!line.equals("[DONE]")) {
                    text.append(TestGateway.json(line).path("choices").path(0).path("delta").path("content").asString(""));
                }
            }
            return text.toString();
        }

        @Override
        public boolean endedCleanly(String sse) {
            List<String> data = TestGateway.dataLines(sse);
            return !data.isEmpty() && data.getLast().equals("[DONE]");
        }

        @Override
        public boolean isError(JsonNode body) {
            return body.path("error").path("message").isString() && body.path("error").path("type").isString()
                    && !body.has("type");
        }

        @Override
        public boolean hasErrorEvent(String sse) {
            return sse.lines().noneMatch(l -> l.startsWith("event:")) && TestGateway.dataLines(sse).stream()
                    .filter(l -> l.startsWith("{")).map(TestGateway::json).anyMatch(this::isError);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Anthropic Messages. */
    record AnthropicClient() implements Client {
        @Override
        public String name() {
            return "anthropic";
        }

        @Override
        public String path() {
            return "/v1/messages";
        }

        @Override
        public String plain(String model, boolean stream) {
            return TestGateway.anthropicChat(model, stream);
        }

        @Override
        public String withTool(String model) {
            return """
                    {"model":"%s","max_tokens":50,"messages":[{"role":"user","content":"Weather in Paris?"}],
                     "tools":[{"name":"get_weather","input_schema":{"type":"object",
                     "properties":{"location":{"type":"string"}}}}]}""".formatted(model);
        }

        @Override
        public String withImage(String model) {
            return """
                    {"model":"%s","max_tokens":50,"messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                     {"type":"image","source":{"type":"base64","media_type":"image/png","data":"%s"}}]}]}"""
                    .formatted(model, IMAGE_DATA);
        }

        @Override
        public String withThinking(String model) {
            return """
                    {"model":"%s","max_tokens":2048,"thinking":{"type":"enabled","budget_tokens":1024},
                     "messages":[{"role":"user","content":"Say hello"}]}""".formatted(model);
        }

        @Override
        public java.util.Optional<String> thinkingSignature(JsonNode answer) {
            for (JsonNode block : answer.path("content")) {
                if (block.path("type").asString("").equals("thinking")) {
                    return java.util.Optional.of(block.path("signature").asString(""));
                }
            }
            return java.util.Optional.empty();
        }

        /** An image block with no source: Anthropic would refuse it; the gateway must not pass it on. */
        @Override
        public String broken(String model) {
            return """
                    {"model":"%s","max_tokens":50,"messages":[{"role":"user","content":[{"type":"text","text":"What?"},
                     {"type":"image"}]}]}""".formatted(model);
        }

        @Override
        public String text(JsonNode answer) {
            StringBuilder text = new StringBuilder();
            for (JsonNode block : answer.path("content")) {
                text.append(block.path("type").asString("").equals("text") ? block.path("text").asString("") : "");
            }
            return text.toString();
        }

        @Override
        public List<String> toolCall(JsonNode answer) {
            for (JsonNode block : answer.path("content")) {
                if (block.path("type").asString("").equals("tool_use")) {
                    return List.of(block.path("name").asString(), block.path("input").path("location").asString());
                }
            }
            return List.of();
        }

        @Override
        public String streamedText(String sse) {
            StringBuilder text = new StringBuilder();
            for (String line : TestGateway.dataLines(sse)) {
                JsonNode event = TestGateway.json(line);
                if (event.path("delta").path("type").asString("").equals("text_delta")) {
                    text.append(event.path("delta").path("text").asString(""));
                }
            }
            return text.toString();
        }

        @Override
        public boolean endedCleanly(String sse) {
            List<String> data = TestGateway.dataLines(sse);
            return !data.isEmpty() && TestGateway.json(data.getLast()).path("type").asString("").equals("message_stop");
        }

        @Override
        public boolean isError(JsonNode body) {
            return body.path("type").asString("").equals("error") && body.path("error").path("type").isString()
                    && body.path("error").path("message").isString();
        }

        @Override
        public boolean hasErrorEvent(String sse) {
            return sse.contains("event: error\n") && TestGateway.dataLines(sse).stream()
                    .filter(l -> l.startsWith("{")).map(TestGateway::json).anyMatch(this::isError);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Gemini generateContent: the model and the action are in the path. */
    record GeminiClient() implements Client {
        @Override
        public String name() {
            return "gemini";
        }

        @Override
        public String path() {
            return "/v1beta/models/{model}:generateContent";
        }

        @Override
        public String path(String model, boolean stream) {
            return "/v1beta/models/" + model + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        }

        @Override
        public String plain(String model, boolean stream) {
            return """
                    {"contents":[{"role":"user","parts":[{"text":"Say hello"}]}],
                     "generationConfig":{"maxOutputTokens":50}}""";
        }

        @Override
        public String withTool(String model) {
            return """
                    {"contents":[{"role":"user","parts":[{"text":"Weather in Paris?"}]}],
                     "tools":[{"functionDeclarations":[{"name":"get_weather","parameters":{"type":"OBJECT",
                     "properties":{"location":{"type":"STRING"}}}}]}]}""";
        }

        @Override
        public String withImage(String model) {
            return """
                    {"contents":[{"role":"user","parts":[{"text":"What is this?"},
                     {"inlineData":{"mimeType":"image/png","data":"%s"}}]}]}""".formatted(IMAGE_DATA);
        }

        @Override
        public String withThinking(String model) {
            return """
                    {"contents":[{"role":"user","parts":[{"text":"Say hello"}]}],
                     "generationConfig":{"thinkingConfig":{"thinkingBudget":1024,"includeThoughts":true}}}""";
        }

        /** Gemini's thought summaries carry no signature a client sends back. */
        @Override
        public java.util.Optional<String> thinkingSignature(JsonNode answer) {
            return java.util.Optional.empty();
        }

        /** A turn whose role Gemini does not know. */
        @Override
        public String broken(String model) {
            return """
                    {"contents":[{"role":"wizard","parts":[{"text":"hi"}]}]}""";
        }

        private static String text(JsonNode chunk, StringBuilder into) {
            for (JsonNode part : chunk.path("candidates").path(0).path("content").path("parts")) {
                if (!part.path("thought").asBoolean(false)) {
                    into.append(part.path("text").asString(""));
                }
            }
            return into.toString();
        }

        @Override
        public String text(JsonNode answer) {
            return text(answer, new StringBuilder());
        }

        @Override
        public List<String> toolCall(JsonNode answer) {
            for (JsonNode part : answer.path("candidates").path(0).path("content").path("parts")) {
                if (part.has("functionCall")) {
                    return List.of(part.path("functionCall").path("name").asString(),
                            part.path("functionCall").path("args").path("location").asString());
                }
            }
            return List.of();
        }

        @Override
        public String streamedText(String sse) {
            StringBuilder text = new StringBuilder();
            for (String line : TestGateway.dataLines(sse)) {
                text(TestGateway.json(line), text);
            }
            return text.toString();
        }

        @Override
        public boolean endedCleanly(String sse) {
            List<String> data = TestGateway.dataLines(sse);
            return !data.isEmpty() && TestGateway.json(data.getLast()).path("candidates").path(0)
                    .path("finishReason").isString();
        }

        @Override
        public boolean isError(JsonNode body) {
            JsonNode error = body.path("error");
            return error.path("code").isIntegralNumber() && error.path("message").isString()
                    && error.path("status").isString() && body.size() == 1;
        }

        @Override
        public boolean hasErrorEvent(String sse) {
            return sse.lines().noneMatch(l -> l.startsWith("event:")) && TestGateway.dataLines(sse).stream()
                    .filter(l -> l.startsWith("{")).map(TestGateway::json).anyMatch(this::isError);
        }

        @Override
        public String toString() {
            return name();
        }
    }
}
