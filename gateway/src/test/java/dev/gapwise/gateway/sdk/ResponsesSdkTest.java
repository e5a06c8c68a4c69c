package dev.gapwise.gateway.sdk;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official OpenAI Java SDK's Responses API against the gateway, served through the chat path by an
 * OpenAI-dialect ({@code cheap-model}) and an Anthropic-dialect ({@code claude-fake}) upstream.
 */
class ResponsesSdkTest extends SharedGatewayTest {
    static OpenAIClient client;

    @BeforeAll
    static void startClient() {
        client = OpenAIOkHttpClient.builder().baseUrl(gw.gateway.uri() + "/v1").apiKey("unused-on-loopback")
                .maxRetries(0).build();
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    static ResponseCreateParams.Builder params(String model) {
        return ResponseCreateParams.builder().model(model).input("Say hello").instructions("Be brief.")
                .maxOutputTokens(50L);
    }

    static FunctionTool weatherTool() {
        return FunctionTool.builder().name("get_weather").strict(false).parameters(FunctionTool.Parameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                .build()).build();
    }

    static Response streamed(ResponseCreateParams request, List<ResponseStreamEvent> events) {
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(request)) {
            stream.stream().forEach(event -> {
                events.add(event);
                accumulator.accumulate(event);
            });
        }
        return accumulator.response();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void answersAResponse(String model) {
        Response response = client.responses().create(params(model).build());

        response.validate();
        assertThat(response.status()).contains(ResponseStatus.COMPLETED);
        assertThat(response.output()).hasSize(1);
        assertThat(response.output().getFirst().asMessage().content().getFirst().asOutputText().text())
                .isEqualTo(Behaviour.TEXT);
        assertThat(response.usage().orElseThrow().inputTokens()).isEqualTo(12);
        assertThat(response.usage().orElseThrow().totalTokens())
                .isEqualTo(12 + response.usage().orElseThrow().outputTokens());
        assertThat(response.id()).startsWith("resp_");
        FakeUpstream.Received sent = gw.upstream.received().getLast();
        assertThat(sent.body().toString()).contains("Be brief.").contains("Say hello");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void streamsAResponseWithUsageAtTheEnd(String model) {
        List<ResponseStreamEvent> events = new ArrayList<>();
        Response response = streamed(params(model).build(), events);

        assertThat(events.getFirst().isCreated()).isTrue();
        assertThat(events.get(1).isInProgress()).isTrue();
        assertThat(events.getLast().isCompleted()).isTrue();
        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta)
                .map(e -> e.asOutputTextDelta().delta()).reduce("", String::concat)).isEqualTo(Behaviour.TEXT);
        assertThat(events.stream().filter(ResponseStreamEvent::isOutputTextDelta).count()).isGreaterThan(1);
        assertThat(response.output().getFirst().asMessage().content().getFirst().asOutputText().text())
                .isEqualTo(Behaviour.TEXT);
        assertThat(response.usage().orElseThrow().outputTokens()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model:false", "cheap-model:true", "claude-fake:false", "claude-fake:true"})
    void callsAFunctionToolAndReadsItsResult(String modelAndStreamed) {
        String model = modelAndStreamed.split(":")[0];
        boolean isStreamed = Boolean.parseBoolean(modelAndStreamed.split(":")[1]);
        ResponseCreateParams first = params(model).addTool(weatherTool()).build();
        Response response = isStreamed ? streamed(first, new ArrayList<>()) : client.responses().create(first);

        ResponseFunctionToolCall call = response.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .findFirst().orElseThrow().asFunctionCall();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo("{\"location\":\"Paris\"}");

        List<ResponseInputItem> turn = new ArrayList<>();
        turn.add(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                .callId(call.callId()).output("18 degrees and sunny").build()));
        ResponseCreateParams second = ResponseCreateParams.builder().model(model).inputOfResponse(turn)
                .previousResponseId(response.id()).addTool(weatherTool()).build();
        Response answer = isStreamed ? streamed(second, new ArrayList<>()) : client.responses().create(second);

        assertThat(answer.output().getFirst().asMessage().content().getFirst().asOutputText().text())
                .isEqualTo("The tool said: 18 degrees and sunny");
        assertThat(answer.previousResponseId()).contains(response.id());
        JsonNode upstream = gw.upstream.received().getLast().body();
        assertThat(upstream.toString()).contains("Say hello").contains("get_weather").contains(call.callId());
    }

    @Test
    void continuesAConversationFromAStoredResponse() {
        Response first = client.responses().create(params("cheap-model").input("My name is Ada.").build());
        Response second = client.responses().create(ResponseCreateParams.builder().model("claude-fake")
                .input("What is my name?").previousResponseId(first.id()).build());

        assertThat(second.status()).contains(ResponseStatus.COMPLETED);
        JsonNode messages = gw.upstream.received().getLast().body().path("messages");
        assertThat(messages.toString()).contains("My name is Ada.").contains(Behaviour.TEXT)
                .contains("What is my name?");
        assertThat(client.responses().retrieve(second.id()).id()).isEqualTo(second.id());
    }

    @Test
    void refusesAnUnknownPreviousResponseAsNotFound() {
        assertThatThrownBy(() -> client.responses().create(ResponseCreateParams.builder().model("cheap-model")
                .input("Hello again").previousResponseId("resp_does_not_exist").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("resp_does_not_exist");
        assertThat(gw.upstream.received()).isEmpty();
    }

    @Test
    void deletesAStoredResponse() {
        Response response = client.responses().create(params("cheap-model").build());
        client.responses().delete(response.id());

        assertThatThrownBy(() -> client.responses().retrieve(response.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void keepsNothingWhenStoreIsFalse() {
        Response response = client.responses().create(params("cheap-model").store(false).build());

        assertThat(response._additionalProperties().get("store")).isEqualTo(JsonValue.from(false));
        assertThatThrownBy(() -> client.responses().retrieve(response.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pagesThroughTheInputItemsOfAStoredResponse() {
        List<ResponseInputItem> input = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            input.add(ResponseInputItem.ofEasyInputMessage(com.openai.models.responses.EasyInputMessage.builder()
                    .role(com.openai.models.responses.EasyInputMessage.Role.USER).content("message " + i).build()));
        }
        Response response = client.responses().create(ResponseCreateParams.builder().model("cheap-model")
                .inputOfResponse(input).build());

        List<String> texts = new ArrayList<>();
        client.responses().inputItems().list(response.id()).autoPager().forEach(item -> texts.add(
                item.asResponseInputMessageItem().content().getFirst().asInputText().text()));

        assertThat(texts).hasSize(25).startsWith("message 24", "message 23").endsWith("message 0");
    }
}
