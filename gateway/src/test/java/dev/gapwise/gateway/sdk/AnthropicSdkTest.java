package dev.gapwise.gateway.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The official Anthropic Java SDK against the gateway, served by an Anthropic-dialect and an OpenAI-dialect upstream. */
class AnthropicSdkTest extends SharedGatewayTest {
    static AnthropicClient client;

    @BeforeAll
    static void startClient() {
        client = AnthropicOkHttpClient.builder().baseUrl(gw.gateway.uri().toString()).apiKey("unused-on-loopback")
                .maxRetries(0).build();
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    static MessageCreateParams.Builder params(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(100).addUserMessage("Say hello");
    }

    static String text(Message message) {
        return message.content().stream().flatMap(b -> b.text().stream()).map(t -> t.text()).reduce("", String::concat);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-fake", "cheap-model"})
    void createsAMessage(String model) {
        Message message = client.messages().create(params(model).build());

        assertThat(text(message)).isEqualTo(Behaviour.TEXT);
        assertThat(message.usage().outputTokens()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claude-fake", "cheap-model"})
    void streamsAMessage(String model) {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params(model).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        assertThat(text(message)).isEqualTo(Behaviour.TEXT);
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void usesToolsThroughAnOpenAiDialectUpstream(boolean streamed) {
        MessageCreateParams request = params("cheap-model").addTool(Tool.builder().name("get_weather")
                .inputSchema(Tool.InputSchema.builder().properties(Tool.InputSchema.Properties.builder()
                        .putAdditionalProperty("location", JsonValue.from(Map.of("type", "string"))).build()).build())
                .build()).build();
        Message message;
        if (streamed) {
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(request)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            message = accumulator.message();
        } else {
            message = client.messages().create(request);
        }

        ContentBlock block = message.content().stream().filter(ContentBlock::isToolUse).findFirst().orElseThrow();
        assertThat(block.asToolUse().name()).isEqualTo("get_weather");
        assertThat(block.asToolUse()._input().toString()).contains("Paris");
        assertThat(message.stopReason()).hasValue(StopReason.TOOL_USE);
    }
}
