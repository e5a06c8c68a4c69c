package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits of one embedded gateway: throttles, their headers, and limits of deployments. */
class RateLimitTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> ask(TestGateway gw, String key, String model) {
        return gw.post("/v1/chat/completions", Spenders.chat(model, false, 1_000, 500), "Authorization", "Bearer " + key);
    }

    @Test
    void aThrottleIs429WithATrueRetryAfterAndSuccessesCarryTheLimitHeaders() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "limits: {per_key: {requests: 2/4s, tokens: 100000/minute}}")) {
            String key = Spenders.key(gw.gateway.database(), "busy");
            gw.gateway.refresh();

            HttpResponse<String> first = ask(gw, key, "cheap-model");
            HttpResponse<String> second = ask(gw, key, "cheap-model");
            HttpResponse<String> third = ask(gw, key, "cheap-model");

            assertThat(first.headers().firstValue("x-ratelimit-limit-requests")).hasValue("2");
            assertThat(first.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("1");
            assertThat(first.headers().firstValue("x-ratelimit-limit-tokens")).hasValue("100000");
            // 1,000 bytes of body and max_tokens 500 are taken at admission (a limit refills continuously meanwhile)
            assertThat(Long.parseLong(first.headers().firstValue("x-ratelimit-remaining-tokens").orElseThrow()))
                    .isBetween(98_400L, 98_600L);
            assertThat(second.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
            assertThat(second.headers().firstValue("x-ratelimit-reset-requests").orElseThrow()).matches("[34](\\.\\d+)?s");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("x-should-retry")).hasValue("true");
            assertThat(TestGateway.json(third.body()).path("error").path("code").asString()).isEqualTo("rate_limit_exceeded");
            long wait = Long.parseLong(third.headers().firstValue("retry-after-ms").orElseThrow());
            assertThat(wait).isBetween(1_000L, 2_000L);
            assertThat(third.headers().firstValue("retry-after")).hasValue("2");

            Thread.sleep(Math.max(0, wait - 900));
            assertThat(ask(gw, key, "cheap-model").statusCode()).as("still throttled a second early").isEqualTo(429);
            Thread.sleep(950);
            assertThat(ask(gw, key, "cheap-model").statusCode()).as("served once Retry-After has passed").isEqualTo(200);
        }
    }

    @Test
    void aRequestLargerThanAWholeTokenLimitIsTerminal() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "limits: {per_key: {tokens: 1000/minute}}")) {
            String key = Spenders.key(gw.gateway.database(), "greedy");
            gw.gateway.refresh();

            HttpResponse<String> refused = ask(gw, key, "cheap-model");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("x-should-retry")).hasValue("false");
            assertThat(TestGateway.json(refused.body()).path("error").path("message").asString()).contains("lower max_tokens");
        }
    }

    @Test
    void aDeploymentAtItsLimitHandsTheRequestToTheNextCandidate() {
        try (TestGateway gw = TestGateway.start(dir, "limits: {deployments: {cheap@fakeai: {requests: 1/minute}}}")) {
            assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false))
                    .headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
            assertThat(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false))
                    .headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");
        }
    }
}
