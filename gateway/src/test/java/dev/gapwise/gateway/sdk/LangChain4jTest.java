package dev.gapwise.gateway.sdk;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's OpenAI module with its default HTTP client (the JDK's, which offers an h2c upgrade on plain HTTP):
 * the gateway answers over HTTP/1.1.
 */
class LangChain4jTest extends SharedGatewayTest {

    @Test
    void chatsThroughTheGatewayDespiteTheH2cUpgradeOffer() {
        OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(gw.gateway.uri() + "/v1").apiKey("unused")
                .modelName("auto").maxRetries(0).build();

        assertThat(model.chat("Say hello")).isEqualTo(Behaviour.TEXT);
        assertThat(model.chat("Say hello again")).isEqualTo(Behaviour.TEXT);
    }

    @Test
    void streamsThroughTheGateway() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(gw.gateway.uri() + "/v1")
                .apiKey("unused").modelName("claude-fake").build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();

        model.chat("Say hello", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                text.append(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });

        assertThat(done.get(20, TimeUnit.SECONDS).aiMessage().text()).isEqualTo(Behaviour.TEXT);
        assertThat(text.toString()).isEqualTo(Behaviour.TEXT);
    }
}
