package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Gemini upstream's {@code usageMetadata} in the ledger: the cached part of {@code promptTokenCount} at the cache
 * rate, {@code thoughtsTokenCount} billed as output and counted as reasoning, streamed or not.
 */
class GeminiUsageTest {
    @TempDir
    static Path dir;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, """
                prices:
                  gemini@fakegemini: {cache_read: 0.075}
                """, TestGateway::withGemini);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.upstream.reset();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void cachedAndThinkingTokensAreEachBilledAtTheirRate(boolean stream) {
        // promptTokenCount 1000 of which 400 cached; 300 output tokens of which 100 thinking
        gw.upstream.setDefault(Behaviour.ok().reporting(1000, 300).caching(new Behaviour.Cache(400, 0, 0, 100)));

        String path = "/v1beta/models/gemini-fake:" + (stream ? "streamGenerateContent?alt=sse" : "generateContent");
        assertThat(gw.post(path, "{\"contents\":[{\"parts\":[{\"text\":\"Say hello\"}]}]}").statusCode()).isEqualTo(200);

        Map<String, Object> row = gw.ledgerRows().getLast();
        assertThat(row).containsEntry("deployment", "gemini@fakegemini").containsEntry("ingress", "gemini");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(600);
        assertThat(((Number) row.get("cache_read_tokens")).longValue()).isEqualTo(400);
        assertThat(((Number) row.get("output_tokens")).longValue()).isEqualTo(300);
        assertThat(((Number) row.get("reasoning_tokens")).longValue()).isEqualTo(100);
        assertThat(((Number) row.get("tokens_estimated")).intValue()).isZero();
        // 600 x 0.30 + 400 x 0.075 + 300 x 2.50, per million
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isEqualTo(960_000L);
    }
}
