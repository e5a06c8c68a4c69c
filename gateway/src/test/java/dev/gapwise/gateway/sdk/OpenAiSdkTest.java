package dev.gapwise.gateway.sdk;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK against the gateway, served by an OpenAI-dialect and an Anthropic-dialect upstream. */
class OpenAiSdkTest extends SharedGatewayTest {
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

    static ChatCompletionCreateParams.Builder params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("Say hello").temperature(0.2)
                .maxCompletionTokens(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void completesAChat(String model) {
        ChatCompletion completion = client.chat().completions().create(params(model).build());

        assertThat(completion.choices().getFirst().message().content()).hasValue(Behaviour.TEXT);
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cheap-model", "claude-fake"})
    void streamsAChatWithTheUsageChunk(String model) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params(model)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion completion = accumulator.chatCompletion();

        assertThat(completion.choices().getFirst().message().content()).hasValue(Behaviour.TEXT);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void callsToolsThroughAClaudeUpstream(boolean streamed) {
        ChatCompletionCreateParams request = params("claude-fake").addTool(ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build()).build()).build()).build();
        ChatCompletion completion;
        if (streamed) {
            ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(request)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            completion = accumulator.chatCompletion();
        } else {
            completion = client.chat().completions().create(request);
        }

        ChatCompletionMessageFunctionToolCall call = completion.choices().getFirst().message().toolCalls().orElseThrow()
                .getFirst().asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Paris\"}");
    }

    @Test
    void reportsAnUnknownModelAsNotFound() {
        assertThatThrownBy(() -> client.chat().completions().create(params("gpt-99").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("gpt-99");
    }
}
