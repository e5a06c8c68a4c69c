package dev.gapwise.gateway.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.ThinkingBlock;
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

/**
 * What Claude Code needs beyond plain messages, with the official Anthropic Java SDK unchanged where it can say it:
 * {@code count_tokens} (exact from an Anthropic upstream, a marked estimate otherwise), extended thinking with its
 * signature kept through a conversation (and dropped with a note where the upstream's dialect cannot carry it),
 * {@code anthropic-beta} / {@code anthropic-version} forwarded, the upstream's {@code x-should-retry} passed back,
 * and the model aliases its discovery keeps asking for.
 */
class ClaudeCodeClientTest {
    @TempDir
    static Path dir;
    static TestGateway gw;
    static AnthropicClient client;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, """
                model_aliases:
                  claude-sonnet-4-5*: claude-fake
                  claude-3-5-haiku-latest: cheap-model
                """);
        client = AnthropicOkHttpClient.builder().baseUrl(gw.gateway.uri().toString()).apiKey("unused-on-loopback")
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

    @Test
    void countsTokensExactlyAtAnAnthropicUpstream() {
        int rowsBefore = gw.ledgerRows().size();
        long counted = client.messages().countTokens(MessageCountTokensParams.builder().model("claude-fake")
                .addUserMessage("How many tokens is this?").build()).inputTokens();

        assertThat(counted).isEqualTo(FakeUpstream.COUNTED_TOKENS);
        FakeUpstream.Received sent = gw.upstream.received().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/messages/count_tokens");
        assertThat(sent.body().path("model").asString()).isEqualTo("claude-upstream");
        assertThat(sent.headers().get("x-api-key")).isEqualTo(TestGateway.ANTHROPIC_KEY);
        HttpResponse<String> raw = gw.post("/v1/messages/count_tokens",
                "{\"model\":\"claude-fake\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(raw.headers().firstValue("x-gapwise-token-count")).hasValue("exact");
        assertThat(raw.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");
        assertThat(gw.ledgerRows()).as("counting is free: nothing billed").hasSize(rowsBefore);
    }

    @Test
    void estimatesTokensWhereTheUpstreamCannotCountAndSaysSo() {
        long counted = client.messages().countTokens(MessageCountTokensParams.builder().model("cheap-model")
                .system("Be brief.").addUserMessage("How many tokens is this?").build()).inputTokens();

        // "Be brief." (9) + "How many tokens is this?" (24) = 33 characters, about 4 a token, rounded up
        assertThat(counted).isEqualTo(9);
        assertThat(gw.upstream.received()).isEmpty();
        HttpResponse<String> raw = gw.post("/v1/messages/count_tokens",
                "{\"model\":\"cheap-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("x-gapwise-token-count").orElse(""))
                .startsWith("estimate").contains("speaks openai");
    }

    @Test
    void refusesABrokenCountRequestInTheAnthropicShape() {
        HttpResponse<String> response = gw.post("/v1/messages/count_tokens", """
                {"model":"claude-fake","messages":[{"role":"user","content":[{"type":"image"}]}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = TestGateway.json(response.body());
        assertThat(body.path("type").asString()).isEqualTo("error");
        assertThat(body.path("error").path("message").asString()).contains("messages[0].content[0]").contains("source");
        assertThat(gw.upstream.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void keepsThinkingBlocksAndTheirSignaturesThroughAConversation(boolean streamed) {
        MessageCreateParams first = MessageCreateParams.builder().model("claude-fake").maxTokens(2048)
                .enabledThinking(1024).addUserMessage("Think, then say hello").build();
        Message answer;
        if (streamed) {
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(first)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            answer = accumulator.message();
        } else {
            answer = client.messages().create(first);
        }
        ThinkingBlock thinking = answer.content().stream().filter(ContentBlock::isThinking).findFirst().orElseThrow()
                .asThinking();
        assertThat(thinking.thinking()).isEqualTo(FakeUpstream.THINKING);
        assertThat(thinking.signature()).isEqualTo(FakeUpstream.SIGNATURE);

        Message next = client.messages().create(MessageCreateParams.builder().model("claude-fake").maxTokens(2048)
                .enabledThinking(1024).addUserMessage("Think, then say hello").addMessage(answer)
                .addUserMessage("Again").build());

        assertThat(next.content()).anyMatch(ContentBlock::isText);
        JsonNode replayed = gw.upstream.received().getLast().body().path("messages").path(1).path("content").path(0);
        assertThat(replayed.path("type").asString()).isEqualTo("thinking");
        assertThat(replayed.path("signature").asString()).isEqualTo(FakeUpstream.SIGNATURE);
        assertThat(replayed.path("thinking").asString()).isEqualTo(FakeUpstream.THINKING);
    }

    @Test
    void dropsThinkingWithANoteWhereTheUpstreamsDialectCannotCarryIt() {
        HttpResponse<String> response = gw.post("/v1/messages", """
                {"model":"cheap-model","max_tokens":100,"thinking":{"type":"enabled","budget_tokens":1024},
                 "messages":[{"role":"user","content":"Hi"},
                  {"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"sig-1"},
                    {"type":"text","text":"Hello"}]},
                  {"role":"user","content":"Again"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-gapwise-translation").orElse(""))
                .contains("thinking blocks dropped").contains("'thinking' dropped");
        String sent = gw.upstream.received().getFirst().body().toString();
        assertThat(sent).doesNotContain("sig-1").contains("Hello");
    }

    @Test
    void forwardsAnthropicHeadersOnlyToAnthropicUpstreams() {
        String[] headers = {"anthropic-beta", "interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14",
                "anthropic-version", "2023-06-01"};
        gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false), headers);
        gw.post("/v1/messages", TestGateway.anthropicChat("cheap-model", false), headers);

        Map<String, String> anthropic = gw.upstream.received().get(0).headers();
        Map<String, String> openAi = gw.upstream.received().get(1).headers();
        assertThat(anthropic.get("anthropic-beta"))
                .isEqualTo("interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14");
        assertThat(anthropic.get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(openAi).doesNotContainKeys("anthropic-beta", "anthropic-version");
    }

    @Test
    void passesTheUpstreamsShouldRetryBackAndHonoursIt() {
        gw.upstream.enqueue(Behaviour.status(400).saying("prompt is too long"));
        HttpResponse<String> refused = gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("x-should-retry")).hasValue("false");
        assertThat(refused.body()).contains("prompt is too long");
        assertThat(gw.upstream.received()).hasSize(1);

        gw.upstream.reset();
        gw.upstream.setDefault(Behaviour.status(503));
        HttpResponse<String> overloaded = gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", false));

        assertThat(overloaded.statusCode()).isGreaterThanOrEqualTo(500);
        assertThat(overloaded.headers().firstValue("x-should-retry")).hasValue("true");
    }

    @Test
    void mapsTheModelNamesClaudeCodeAsksForByConfiguredAliases() {
        Message sonnet = client.messages().create(MessageCreateParams.builder().model("claude-sonnet-4-5-20250929")
                .maxTokens(100).addUserMessage("Say hello").build());
        Message haiku = client.messages().create(MessageCreateParams.builder().model("claude-3-5-haiku-latest")
                .maxTokens(100).addUserMessage("Say hello").build());

        assertThat(sonnet.content().getFirst().asText().text()).isEqualTo(Behaviour.TEXT);
        assertThat(haiku.content().getFirst().asText().text()).isEqualTo(Behaviour.TEXT);
        List<FakeUpstream.Received> sent = gw.upstream.received();
        assertThat(sent.get(0).body().path("model").asString()).isEqualTo("claude-upstream");
        assertThat(sent.get(1).body().path("model").asString()).isEqualTo("cheap-upstream");
        List<Map<String, Object>> rows = gw.ledgerRows();
        assertThat(rows).extracting(r -> r.get("requested_model"))
                .contains("claude-sonnet-4-5-20250929", "claude-3-5-haiku-latest");
        assertThat(gw.post("/v1/messages", TestGateway.anthropicChat("claude-opus-4-1", false)).statusCode())
                .as("a name no alias covers is still unknown").isEqualTo(404);
    }
}
