package dev.gapwise.gateway.price;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden ledger rows for every kind of billed token: Anthropic cache reads and five-minute and one-hour cache writes,
 * OpenAI cached input and reasoning tokens, each at its own price, and the baseline priced by the same rules.
 */
class CachePricingTest {
    @TempDir
    static Path dir;
    static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(dir, """
                prices:
                  cheap@fakeai: {cache_read: 0.025}
                """);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.upstream.reset();
    }

    private Map<String, Object> onlyRow() {
        List<Map<String, Object>> rows = gw.ledgerRows();
        return rows.getLast();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void anthropicCacheReadsAndWritesAreEachBilledAtTheirOwnRate(boolean stream) {
        gw.upstream.setDefault(Behaviour.ok().reporting(100, 50).caching(new Behaviour.Cache(1000, 2000, 500, 0)));

        assertThat(gw.post("/v1/messages", TestGateway.anthropicChat("claude-fake", stream)).statusCode()).isEqualTo(200);

        Map<String, Object> row = onlyRow();
        assertThat(row).containsEntry("deployment", "claude@fakeanthropic");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(100);
        assertThat(((Number) row.get("cache_read_tokens")).longValue()).isEqualTo(1000);
        assertThat(((Number) row.get("cache_write_tokens")).longValue()).isEqualTo(2500);
        assertThat(((Number) row.get("output_tokens")).longValue()).isEqualTo(50);
        // 100 x 3.00 + 1000 x 0.30 (read, 0.1x) + 2000 x 3.75 (5-minute write, 1.25x) + 500 x 6.00 (1-hour write, 2x)
        // + 50 x 15.00, per million
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isEqualTo(11_850_000L);
        // the same tokens on frontier@fakeai (10 / 30, no cache rates: the input rate): 3600 x 10 + 50 x 30
        assertThat(((Number) row.get("baseline_nano_usd")).longValue()).isEqualTo(37_500_000L);
        assertThat(((Number) row.get("unpriced")).intValue()).isZero();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {false, true})
    void openAiCachedInputIsBilledAtTheCacheRateAndReasoningAsOutput(boolean stream) {
        gw.upstream.setDefault(Behaviour.ok().reporting(1200, 300).caching(new Behaviour.Cache(1000, 0, 0, 200)));

        String body = stream ? TestGateway.openAiChat("cheap-model", true).replace("\"stream\":true",
                "\"stream\":true,\"stream_options\":{\"include_usage\":true}") : TestGateway.openAiChat("cheap-model", false);
        assertThat(gw.post("/v1/chat/completions", body).statusCode()).isEqualTo(200);

        Map<String, Object> row = onlyRow();
        assertThat(row).containsEntry("deployment", "cheap@fakeai");
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(200);
        assertThat(((Number) row.get("cache_read_tokens")).longValue()).isEqualTo(1000);
        assertThat(((Number) row.get("cache_write_tokens")).longValue()).isZero();
        assertThat(((Number) row.get("output_tokens")).longValue()).isEqualTo(300);
        assertThat(((Number) row.get("reasoning_tokens")).longValue()).isEqualTo(200);
        // 200 x 0.10 + 1000 x 0.025 (cached input, as configured) + 300 x 0.20 (reasoning is output), per million
        assertThat(((Number) row.get("cost_nano_usd")).longValue()).isEqualTo(105_000L);
        // frontier@fakeai: 200 x 10 + 1000 x 10 (no cache rate: the input rate) + 300 x 30
        assertThat(((Number) row.get("baseline_nano_usd")).longValue()).isEqualTo(21_000_000L);
    }
}
