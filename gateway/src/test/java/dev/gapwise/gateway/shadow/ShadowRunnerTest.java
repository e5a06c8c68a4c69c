package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.fake.Behaviour;
import dev.gapwise.gateway.fake.FakeUpstream;
import dev.gapwise.gateway.score.JudgeRubric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowRunnerTest {
    private static final String ROUTINE_TO_FRONTIER = """
            shadow:
              rules:
                - tier: routine
                  sample: 1.0
                  to: [shadow-frontier@shadowai]
              exclude_tiers: [critical]
              budget_per_day: 5.00
              max_output_tokens: 100
            """;

    private static String chat(String text) {
        return """
                {"model":"cheap-model","messages":[{"role":"user","content":"%s"}]}""".formatted(text);
    }

    @Test
    void aSlowShadowUpstreamNeverDelaysTheClientsAnswer(@TempDir Path dir) {
        try (ShadowHarness harness = new ShadowHarness(dir, ROUTINE_TO_FRONTIER)) {
            harness.shadows.setDefault(Behaviour.ok().slowHeaders(1_500));
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = harness.gateway.post("/v1/chat/completions", chat("Draft reminder " + i));
                millis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(response.statusCode()).isEqualTo(200);
            }
            System.out.println("client latency with a 1500 ms shadow upstream (ms): " + millis);
            // every answer arrives long before a single shadow call could have ended
            assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
            harness.awaitShadows();
            List<Map<String, Object>> rows = harness.rows("SELECT * FROM shadow_call");
            assertThat(rows).hasSize(4).allSatisfy(row -> {
                assertThat(((Number) row.get("latency_us")).longValue()).isGreaterThanOrEqualTo(1_500_000);
                assertThat(row.get("served_deployment")).isEqualTo("cheap@fakeai");
            });
        }
    }

    @Test
    void shadowSpendIsInItsOwnRowsNeverInTheLedger(@TempDir Path dir) {
        try (ShadowHarness harness = new ShadowHarness(dir, ROUTINE_TO_FRONTIER)) {
            harness.shadows.setDefault(Behaviour.ok().reporting(1_000, 200));
            HttpResponse<String> response = harness.gateway.post("/v1/chat/completions", chat("Say hello"));
            assertThat(response.statusCode()).isEqualTo(200);
            harness.awaitShadows();
            List<Map<String, Object>> ledger = harness.gateway.ledgerRows();
            assertThat(ledger).extracting(row -> row.get("deployment")).containsExactly("cheap@fakeai");
            Map<String, Object> shadow = harness.rows("SELECT * FROM shadow_call").getFirst();
            assertThat(shadow.get("request_id")).isEqualTo(response.headers().firstValue("x-gapwise-request-id").orElseThrow());
            // 1000 input tokens at $10/M + 200 output tokens at $30/M = $0.016
            assertThat(((Number) shadow.get("cost_nano_usd")).longValue()).isEqualTo(16_000_000L);
            assertThat(harness.runner().spentToday()).isEqualTo(16_000_000L);
            // the same answer text on both sides: word overlap 1, acceptable
            assertThat(shadow.get("basis")).isEqualTo("similarity");
            assertThat(((Number) shadow.get("acceptable")).intValue()).isEqualTo(1);
            // content is not stored unless configured
            assertThat(shadow.get("prompt_json")).isNull();
            assertThat(shadow.get("shadow_answer")).isNull();
            // the shadow request was capped, unstreamed, and sent to the shadow upstream only
            JsonNode sent = harness.shadows.received().getFirst().body();
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(100);
            assertThat(sent.has("stream")).isFalse();
        }
    }

    @Test
    void neverRunsPastItsConcurrencyCapAndQueue(@TempDir Path dir) throws Exception {
        String config = ROUTINE_TO_FRONTIER.replace("max_output_tokens: 100", "max_output_tokens: 100\n  max_concurrent: 1\n  queue: 1");
        try (ShadowHarness harness = new ShadowHarness(dir, config)) {
            harness.shadows.setDefault(Behaviour.ok().slowHeaders(800));
            for (int i = 0; i < 6; i++) {
                assertThat(harness.gateway.post("/v1/chat/completions", chat("note " + i)).statusCode()).isEqualTo(200);
            }
            harness.awaitShadows();
            ShadowRunner.Stats stats = harness.runner().stats();
            System.out.println("cap 1, queue 1, 6 sampled requests: " + stats);
            assertThat(stats.sampled()).isEqualTo(6);
            assertThat(stats.calls()).isLessThanOrEqualTo(3);
            assertThat(stats.dropped()).isEqualTo(6 - stats.calls());
            assertThat(harness.shadows.received()).hasSize((int) stats.calls());
        }
    }

    @Test
    void neverSpendsPastTheDailyBudget(@TempDir Path dir) {
        // worst case of one call: prompt bytes at $10/M + 100 output tokens at $30/M, a little over $0.004;
        // a real call (12 + 10 tokens) costs far less, so a few fit before the reservation no longer does
        String config = ROUTINE_TO_FRONTIER.replace("budget_per_day: 5.00", "budget_per_day: 0.0055");
        try (ShadowHarness harness = new ShadowHarness(dir, config)) {
            harness.shadows.setDefault(Behaviour.ok().reporting(50, 30));
            for (int i = 0; i < 8; i++) {
                assertThat(harness.gateway.post("/v1/chat/completions", chat("note " + i)).statusCode()).isEqualTo(200);
                harness.awaitShadows();
            }
            ShadowRunner.Stats stats = harness.runner().stats();
            System.out.println("budget $0.0055/day, 8 sampled requests: " + stats + ", spent "
                    + harness.runner().spentToday() + " nano-USD");
            assertThat(stats.overBudget()).isPositive();
            assertThat(stats.calls()).isPositive();
            long spent = harness.rows("SELECT SUM(cost_nano_usd) AS s FROM shadow_call").getFirst().get("s") instanceof Number n
                    ? n.longValue() : -1;
            assertThat(spent).isEqualTo(harness.runner().spentToday()).isLessThanOrEqualTo(5_500_000L);
            assertThat(harness.shadows.received()).hasSize((int) stats.calls());
        }
    }

    @Test
    void stopsCleanlyOnShutdownAbortingARunningShadowCall(@TempDir Path dir) {
        ShadowHarness harness = new ShadowHarness(dir, ROUTINE_TO_FRONTIER);
        try {
            harness.shadows.setDefault(Behaviour.ok().slowHeaders(30_000));
            assertThat(harness.gateway.post("/v1/chat/completions", chat("hi")).statusCode()).isEqualTo(200);
            ShadowHarness.await(() -> harness.shadows.received().size() == 1, Duration.ofSeconds(10));
            long started = System.nanoTime();
            harness.gateway.gateway.close();
            long closeMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("gateway close with a shadow call in flight: " + closeMillis + " ms");
            assertThat(closeMillis).isLessThan(5_000);
            assertThat(harness.runner().stats().running()).isZero();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("gapwise-shadow-")
                    && t.isAlive());
        } finally {
            harness.close();
        }
    }

    @Test
    void excludedTiersAndForbiddenJurisdictionsAreNeverShadowed(@TempDir Path dir) {
        String config = """
                shadow:
                  rules:
                    - tier: routine
                      task: crm-email
                      sample: 1.0
                      to: [shadow-cn@shadowai]
                    - tier: routine
                      sample: 1.0
                      to: [shadow-frontier@shadowai]
                  exclude_tiers: [critical]
                  budget_per_day: 5.00
                """;
        String policy = TestGateway.PERMISSIVE_POLICY.replace("    routine:\n      allow_unknown_lag: true\n",
                "    routine:\n      allow_unknown_lag: true\n      jurisdictions: [US]\n");
        assertThat(policy).contains("jurisdictions: [US]");
        try (ShadowHarness harness = new ShadowHarness(dir, config, policy)) {
            assertThat(harness.gateway.post("/v1/chat/completions", chat("urgent"), "x-gapwise-tier", "critical")
                    .statusCode()).isEqualTo(200);
            // the crm-email rule names only a deployment in CN, which the routine tier's jurisdiction rule forbids
            assertThat(harness.gateway.post("/v1/chat/completions", chat("write the crm email"), "x-gapwise-task",
                    "crm-email").statusCode()).isEqualTo(200);
            assertThat(harness.gateway.post("/v1/chat/completions", chat("plain routine")).statusCode()).isEqualTo(200);
            harness.awaitShadows();
            assertThat(harness.rows("SELECT shadow_deployment, tier, task FROM shadow_call"))
                    .containsExactly(Map.of("shadow_deployment", "shadow-frontier@shadowai", "tier", "routine",
                            "task", "unlabelled"));
            assertThat(harness.shadows.received()).hasSize(1);
        }
    }

    @Test
    void aJudgeOnTheFakeUpstreamScoresFreeTextWithTheFixedRubricAndItsCostIsRecorded(@TempDir Path dir) {
        String config = ROUTINE_TO_FRONTIER + "  judge: judge@shadowai\n  store_content: true\n  retention: 7d\n";
        try (ShadowHarness harness = new ShadowHarness(dir, config)) {
            harness.shadows.enqueue(Behaviour.ok().answering("Dear team, the meeting moved to 3 pm.").reporting(20, 10),
                    Behaviour.ok().answering("{\"score\": 2, \"reason\": \"misses the new time\"}").reporting(400, 20));
            assertThat(harness.gateway.post("/v1/chat/completions", chat("Tell the team the meeting moved to 3 pm"))
                    .statusCode()).isEqualTo(200);
            harness.awaitShadows();
            Map<String, Object> row = harness.rows("SELECT * FROM shadow_call").getFirst();
            assertThat(row.get("basis")).isEqualTo("judge");
            assertThat(((Number) row.get("judge_score")).intValue()).isEqualTo(2);
            assertThat(((Number) row.get("acceptable")).intValue()).isZero();
            assertThat(row.get("judge_deployment")).isEqualTo("judge@shadowai");
            // 400 input at $1/M + 20 output at $4/M = $0.00048
            assertThat(((Number) row.get("judge_cost_nano_usd")).longValue()).isEqualTo(480_000L);
            JsonNode judgeRequest = harness.shadows.received().get(1).body();
            assertThat(judgeRequest.path("messages").path(0).path("content").asString()).isEqualTo(JudgeRubric.RUBRIC);
            assertThat(judgeRequest.path("messages").path(1).path("content").asString())
                    .contains("REFERENCE:\nDear team, the meeting moved to 3 pm.")
                    .contains("CANDIDATE:\n" + Behaviour.TEXT);
            // content storage on: the prompt and both answers are kept, with an expiry 7 days on
            assertThat((String) row.get("shadow_answer")).contains("the meeting moved to 3 pm");
            assertThat((String) row.get("served_answer")).contains(Behaviour.TEXT);
            assertThat(((Number) row.get("expires_ms")).longValue() - ((Number) row.get("at_ms")).longValue())
                    .isEqualTo(Duration.ofDays(7).toMillis());
        }
    }

    @Test
    void aStreamedAnthropicAnswerIsCapturedAndScoredAgainstTheShadow(@TempDir Path dir) {
        String config = ROUTINE_TO_FRONTIER + "  store_content: true\n";
        try (ShadowHarness harness = new ShadowHarness(dir, config)) {
            HttpResponse<String> response = harness.gateway.post("/v1/messages",
                    TestGateway.anthropicChat("cheap-model", true), "anthropic-version", "2023-06-01");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("message_stop");
            harness.awaitShadows();
            Map<String, Object> row = harness.rows("SELECT * FROM shadow_call").getFirst();
            assertThat((String) row.get("served_answer")).isEqualTo("{\"text\":\"" + Behaviour.TEXT
                    + "\",\"tool_calls\":[]}");
            assertThat(((Number) row.get("acceptable")).intValue()).isEqualTo(1);
            // stored in the OpenAI chat shape whatever the client spoke
            assertThat((String) row.get("prompt_json")).contains("\"messages\"").doesNotContain("\"stream\":true");
            assertThat(harness.shadows.received().getFirst().body().has("stream")).isFalse();
        }
    }

    @Test
    void aShadowDeploymentThatIsNotCallableStopsTheStartNamingIt(@TempDir Path dir) {
        String config = ROUTINE_TO_FRONTIER.replace("shadow-frontier@shadowai", "nope@nowhere");
        FakeUpstream[] started = new FakeUpstream[1];
        assertThatThrownBy(() -> new ShadowHarness(dir, config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("shadow.rules[0].to")
                .hasMessageContaining("'nope@nowhere' is not a callable deployment");
        assertThat(started[0]).isNull();
    }
}
