package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.SharedGatewayTest;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 6: an upstream reporting 10^17 tokens made {@code LedgerRow.of} throw (ArithmeticException), and
 * negative tokens made {@code Usage} throw: a 500 to the client and no row for a call the provider billed. Usage
 * is now clamped and the anomaly recorded in the row.
 */
class ImplausibleUsageTest extends SharedGatewayTest {
    @ParameterizedTest(name = "{0} {1}/{2} tokens, stream={3}")
    @CsvSource({
            "/v1/chat/completions, 100000000000000000, 5, false", "/v1/chat/completions, 12, -7, false",
            "/v1/chat/completions, 100000000000000000, -7, true", "/v1/messages, 100000000000000000, 5, false",
            "/v1/messages, -3, 5, false", "/v1/messages, 12, 100000000000000000, true"})
    void anImplausibleUsageIsClampedAndTheBilledCallStillHasItsRow(String path, long prompt, long completion,
                                                                   boolean stream) {
        gw.upstream.setDefault(Behaviour.ok().reporting(prompt, completion));
        String body = path.equals("/v1/messages") ? TestGateway.anthropicChat("auto", stream)
                : TestGateway.openAiChat("auto", stream);

        HttpResponse<String> response = gw.post(path, body);

        assertThat(response.statusCode()).isEqualTo(200);
        String id = response.headers().firstValue("x-gapwise-request-id").orElseThrow();
        List<Map<String, Object>> rows = gw.ledgerRows().stream().filter(r -> id.equals(r.get("request_id"))).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(((Number) row.get("input_tokens")).longValue()).isBetween(0L, Usage.MAX_TOKENS);
            assertThat(((Number) row.get("output_tokens")).longValue()).isBetween(0L, Usage.MAX_TOKENS);
            assertThat(((Number) row.get("cost_nano_usd")).longValue()).isNotNegative();
        });
        if (!stream || path.equals("/v1/chat/completions")) {
            assertThat(String.valueOf(rows.getFirst().get("anomaly"))).contains("upstream usage");
        }
    }
}
