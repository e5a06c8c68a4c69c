package dev.gapwise.gateway.spend;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official OpenAI and Anthropic Java SDKs, with their default retries on, read a spent budget as final (one
 * request, no retry) and a throttle as passing (they wait the Retry-After and succeed).
 */
class SdkRefusalTest {
    static final String CONFIG = "admin_key: ${FAKE_ANTHROPIC_KEY}\nlimits: {per_key: {requests: 1/2s}}";

    @TempDir
    Path dir;

    /** Client requests the gateway answered with {@code outcome}, from /metrics. */
    private static long answered(TestGateway gw, String outcome) {
        String metrics = gw.get("/metrics", "Authorization", "Bearer " + TestGateway.ANTHROPIC_KEY).body();
        Matcher m = Pattern.compile("gapwise_requests_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\d+)").matcher(metrics);
        long count = 0;
        while (m.find()) {
            count += (long) Double.parseDouble(m.group(1));
        }
        return count;
    }

    private static OpenAIClient openAi(TestGateway gw, String key) {
        return OpenAIOkHttpClient.builder().baseUrl(gw.gateway.uri() + "/v1").apiKey(key).maxRetries(2).build();
    }

    private static AnthropicClient anthropic(TestGateway gw, String key) {
        return AnthropicOkHttpClient.builder().baseUrl(gw.gateway.uri().toString()).apiKey(key).maxRetries(2).build();
    }

    private static ChatCompletionCreateParams openAiChat() {
        return ChatCompletionCreateParams.builder().model("cheap-model").addUserMessage("Say hello").maxCompletionTokens(50)
                .build();
    }

    private static MessageCreateParams anthropicChat() {
        return MessageCreateParams.builder().model("cheap-model").maxTokens(50).addUserMessage("Say hello").build();
    }

    @Test
    void bothSdksTreatASpentBudgetAsFinal() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, CONFIG)) {
            String key = Spenders.key(gw.gateway.database(), "broke", "0.000001/day");
            gw.gateway.refresh();
            OpenAIClient openAi = openAi(gw, key);
            AnthropicClient anthropic = anthropic(gw, key);
            try {
                assertThatThrownBy(() -> openAi.chat().completions().create(openAiChat()))
                        .isInstanceOf(com.openai.errors.RateLimitException.class).hasMessageContaining("budget");
                assertThatThrownBy(() -> anthropic.messages().create(anthropicChat()))
                        .isInstanceOf(com.anthropic.errors.RateLimitException.class).hasMessageContaining("budget");
            } finally {
                openAi.close();
                anthropic.close();
            }
            assertThat(answered(gw, "budget_spent")).as("one request per SDK, no retry").isEqualTo(2);
        }
    }

    @Test
    void bothSdksWaitOutAThrottleAndSucceed() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, CONFIG)) {
            String key = Spenders.key(gw.gateway.database(), "eager");
            gw.gateway.refresh();
            OpenAIClient openAi = openAi(gw, key);
            AnthropicClient anthropic = anthropic(gw, key);
            try {
                openAi.chat().completions().create(openAiChat());
                long start = System.nanoTime();
                assertThat(openAi.chat().completions().create(openAiChat()).choices()).hasSize(1);
                assertThat(anthropic.messages().create(anthropicChat()).content()).isNotEmpty();
                assertThat((System.nanoTime() - start) / 1_000_000).as("waited the Retry-After").isGreaterThan(1_500);
            } finally {
                openAi.close();
                anthropic.close();
            }
            assertThat(answered(gw, "throttled")).as("throttled, then retried").isGreaterThanOrEqualTo(2);
            assertThat(answered(gw, "ok")).isEqualTo(3);
        }
    }
}
