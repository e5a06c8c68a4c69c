package dev.gapwise.gateway.route;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key's tier is a floor: the classifiers, a rule or a declared tier may raise a request above it, never lower it;
 * a key created with a fixed tier is the exception. A tier a client names that the policy does not define is a 400
 * in the client's dialect, and goes nowhere near the ledger.
 */
class TierFloorTest {
    private static final String CRISIS = "my dad has chest pain and is sweating, what do i do";
    /** Two tiers with no constraints, most protected first; the risk gate raises to critical. */
    private static final String POLICY = """
            policy:
              tiers:
                critical: {allow_unknown_lag: true, objective: cheapest}
                routine: {allow_unknown_lag: true, objective: cheapest}
              classifier: {high_stakes: critical, second_opinion: none}
              default_tier: routine
            """;

    @TempDir
    Path dir;

    /** Regression (issue 7): a key created with --tier routine sent a warfarin emergency to the cheapest model. */
    @Test
    void aRoutineKeysRequestIsRaisedToCriticalByTheClassifier() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, POLICY)) {
            VirtualKeys keys = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system());
            String key = keys.create("emails", Optional.of("routine")).key();
            String fixed = keys.create("batch", Optional.of("routine"), true).key();
            gw.gateway.keys().refresh();

            HttpResponse<String> raised = gw.post("/v1/chat/completions", chat(CRISIS), "Authorization", "Bearer " + key);
            HttpResponse<String> kept = gw.post("/v1/chat/completions", chat(CRISIS), "Authorization", "Bearer " + fixed);

            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
            assertThat(raised.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=critical (classifier)");
            assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
            assertThat(kept.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=routine (api-key)");
        }
    }

    /** Regression (issue 7): a client holding a critical key escaped it with x-gapwise-tier: routine. */
    @Test
    void aCriticalKeyCannotBeLoweredByAHeaderOrMetadata() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, POLICY)) {
            VirtualKeys keys = new VirtualKeys(gw.gateway.database(), AuthMode.AUTO, InstantSource.system());
            String key = keys.create("clinic", Optional.of("critical")).key();
            gw.gateway.keys().refresh();

            HttpResponse<String> response = gw.post("/v1/chat/completions", """
                    {"model":"auto","metadata":{"gapwise_tier":"routine"},
                     "messages":[{"role":"user","content":"tell me a joke"}]}""",
                    "Authorization", "Bearer " + key, "x-gapwise-tier", "routine");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=critical (api-key)");
        }
    }

    @Test
    void anUndefinedTierIsA400InTheCallersDialectAndNeverReachesTheLedger() {
        try (TestGateway gw = TestGateway.start(dir, POLICY)) {
            HttpResponse<String> header = gw.post("/v1/chat/completions", chat("hello"), "x-gapwise-tier", "platinum");
            HttpResponse<String> metadata = gw.post("/v1/messages", """
                    {"model":"auto","max_tokens":20,"metadata":{"gapwise_tier":"\\u0000"},
                     "messages":[{"role":"user","content":"hello"}]}""");

            assertThat(header.statusCode()).isEqualTo(400);
            assertThat(TestGateway.json(header.body()).path("error").path("message").asString())
                    .startsWith("header x-gapwise-tier names a tier this gateway's policy does not define")
                    .doesNotContain("platinum");
            assertThat(metadata.statusCode()).isEqualTo(400);
            assertThat(TestGateway.json(metadata.body()).path("error").path("type").asString())
                    .isEqualTo("invalid_request_error");
            assertThat(TestGateway.json(metadata.body()).path("type").asString()).isEqualTo("error");
            assertThat(gw.upstream.received()).isEmpty();
            assertThat(gw.ledgerRows()).isEmpty();
        }
    }

    /** The conversation's earlier user turns reach routing as context. */
    @Test
    void aFollowUpInAHighStakesConversationIsJudgedWithItsContext() {
        try (TestGateway gw = TestGateway.start(dir, POLICY)) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", """
                    {"model":"auto","messages":[
                      {"role":"user","content":"my son swallowed a battery an hour ago"},
                      {"role":"assistant","content":"Go to the emergency room now."},
                      {"role":"user","content":"thanks! can you make that a bullet list?"}]}""");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Object decision = gw.ledgerRows().getLast().get("decision");
            assertThat((String) decision).contains("tier");
        }
    }

    private static String chat(String text) {
        return """
                {"model":"auto","messages":[{"role":"user","content":"%s"}]}""".formatted(text);
    }
}
