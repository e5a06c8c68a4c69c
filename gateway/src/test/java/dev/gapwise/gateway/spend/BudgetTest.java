package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.LogCapture;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Budgets of one embedded gateway (SQLite, counters in memory). */
class BudgetTest {
    @TempDir
    Path dir;

    @Test
    void concurrentRequestsNeverSpendMoreThanAHardBudgetAndTheRestAreRefusedAsTerminal() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            // frontier@fakeai: 10 / 30 USD per million; each answer costs 1000 x 10 + 400 x 30 = 0.022 USD and
            // reserves at most 1,600 bytes x 10 + 500 x 30 = 0.031 USD
            gw.upstream.setDefault(Behaviour.ok().reporting(1000, 400).chunks(4, 20));
            String key = Spenders.key(gw.gateway.database(), "app", "0.20/day");
            gw.gateway.refresh();
            List<HttpResponse<String>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<HttpResponse<String>>> futures = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    boolean stream = i % 2 == 0;
                    futures.add(pool.submit(() -> gw.post("/v1/chat/completions",
                            Spenders.chat("frontier-model", stream, 1_600, 500), "Authorization", "Bearer " + key)));
                }
                for (Future<HttpResponse<String>> future : futures) {
                    answers.add(future.get());
                }
            }
            long served = answers.stream().filter(a -> a.statusCode() == 200).count();
            assertThat(served).isBetween(6L, 9L);
            for (HttpResponse<String> refused : answers.stream().filter(a -> a.statusCode() != 200).toList()) {
                assertThat(refused.statusCode()).isEqualTo(429);
                assertThat(refused.headers().firstValue("x-should-retry")).hasValue("false");
                assertThat(refused.headers().firstValue("retry-after")).isPresent();
                JsonNode budget = TestGateway.json(refused.body()).path("error").path("budget");
                assertThat(budget.path("scope").asString()).isEqualTo("key");
                assertThat(budget.path("limit_usd").asString()).isEqualTo("0.20");
                assertThat(budget.path("period").asString()).isEqualTo("day");
                assertThat(budget.path("resets_at").asString()).endsWith("T00:00:00Z");
            }
            String keyId = Spenders.keyId(gw.gateway.database(), "app");
            assertThat(Spenders.spent(gw.gateway.database(), keyId, gw.gateway)).isLessThanOrEqualTo(200_000_000L)
                    .isEqualTo(served * 22_000_000L);
            JsonNode usage = TestGateway.json(gw.get("/v1/gapwise/usage", "Authorization", "Bearer " + key).body());
            assertThat(usage.path("budgets").get(0).path("reserved_usd").asString()).isEqualTo("0.00");
        }
    }

    private static HttpResponse<String> ask(TestGateway gw, String key, String model) {
        return gw.post("/v1/chat/completions", Spenders.chat(model, false, 1_600, 500), "Authorization", "Bearer " + key);
    }

    @Test
    void aBudgetAddedMidWindowCountsTheSpendAlreadyInTheLedger() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            gw.upstream.setDefault(Behaviour.ok().reporting(1000, 400));
            String key = Spenders.key(gw.gateway.database(), "late");
            gw.gateway.refresh();
            for (int i = 0; i < 3; i++) {
                assertThat(ask(gw, key, "frontier-model").statusCode()).isEqualTo(200);
            }
            gw.gateway.ledger().flush();
            new AllowanceStore(gw.gateway.database(), java.time.InstantSource.system()).setBudget(Scope.KEY,
                    Spenders.keyId(gw.gateway.database(), "late"), SpendSpecs.budget("0.08/month").orElseThrow(),
                    java.time.ZoneId.of("UTC"));
            gw.gateway.refresh();

            HttpResponse<String> refused = ask(gw, key, "frontier-model");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(TestGateway.json(refused.body()).path("error").path("budget").path("spent_usd").asString())
                    .isEqualTo("0.066");
            assertThat(TestGateway.json(refused.body()).path("error").path("message").asString())
                    .contains("does not fit", "lower max_tokens");
        }
    }

    @Test
    void aSoftBudgetLetsTheCrossingRequestCompleteThenRefuses() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            gw.upstream.setDefault(Behaviour.ok().reporting(1000, 400));
            String key = Spenders.key(gw.gateway.database(), "soft", "0.03/day:soft");
            gw.gateway.refresh();

            assertThat(ask(gw, key, "frontier-model").statusCode()).isEqualTo(200);
            assertThat(ask(gw, key, "frontier-model").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = ask(gw, key, "frontier-model");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(TestGateway.json(refused.body()).path("error").path("message").asString()).contains("is spent");
            assertThat(Spenders.spent(gw.gateway.database(), Spenders.keyId(gw.gateway.database(), "soft"), gw.gateway))
                    .isEqualTo(44_000_000L);
        }
    }

    @Test
    void aBudgetOnOneModelSendsTheRequestToTheNextCandidate() throws Exception {
        try (TestGateway gw = TestGateway.start(dir)) {
            String key = Spenders.key(gw.gateway.database(), "narrow", "0.000001/day@cheap-model");
            gw.gateway.refresh();

            HttpResponse<String> answer = ask(gw, key, "auto");

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");
        }
    }

    @Test
    void aDeploymentWithoutAPriceIsRefusedUnderABudgetAndFlaggedOtherwise() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "", yaml -> yaml.replace(
                "    price: {input: 3.00, output: 15.00}\n", ""))) {
            assertThat(gw.get("/readyz").body()).contains("\"unpriced\":[\"claude@fakeanthropic\"]");
            String open = Spenders.key(gw.gateway.database(), "open");
            String capped = Spenders.key(gw.gateway.database(), "capped", "5/day");
            gw.gateway.refresh();

            assertThat(ask(gw, open, "claude-fake").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = ask(gw, capped, "claude-fake");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(TestGateway.json(refused.body()).path("error").path("code").asString())
                    .isEqualTo("unpriced_deployment");
            List<java.util.Map<String, Object>> rows = gw.ledgerRows();
            assertThat(rows).hasSize(1);
            assertThat(((Number) rows.getFirst().get("unpriced")).intValue()).isEqualTo(1);
        }
    }

    @Test
    void crossingAnAlertThresholdIsCountedAndLoggedOnce() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "admin_key: ${FAKE_ANTHROPIC_KEY}")) {
            gw.upstream.setDefault(Behaviour.ok().reporting(1000, 400));
            String key = Spenders.key(gw.gateway.database(), "watched", "0.055/day");
            gw.gateway.refresh();
            try (LogCapture logs = LogCapture.start()) {
                assertThat(ask(gw, key, "frontier-model").statusCode()).isEqualTo(200);
                assertThat(ask(gw, key, "frontier-model").statusCode()).isEqualTo(200);
                assertThat(logs.messages()).filteredOn(m -> m.startsWith("budget alert")).singleElement()
                        .satisfies(m -> assertThat(m).contains("75 % used", "0.044 of 0.055 USD"));
            }

            String metrics = gw.get("/metrics", "Authorization", "Bearer " + TestGateway.ANTHROPIC_KEY).body();

            assertThat(metrics).contains("gapwise_budget_alerts_total{period=\"day\",scope=\"key\"")
                    .contains("threshold=\"75\"").doesNotContain("threshold=\"90\"");
            assertThat(metrics).containsPattern("gapwise_budget_used_ratio\\{[^}]*period=\"day\"[^}]*} 0.8");
        }
    }

    @Test
    void aKeyReadsItsOwnBudgetsAndLimitsAndNoOneElses() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, "limits: {per_key: {requests: 10/minute}}")) {
            String mine = Spenders.key(gw.gateway.database(), "mine", "5/day", "50/month");
            Spenders.key(gw.gateway.database(), "theirs", "7/day");
            gw.gateway.refresh();
            assertThat(ask(gw, mine, "cheap-model").statusCode()).isEqualTo(200);

            JsonNode usage = TestGateway.json(gw.get("/v1/gapwise/usage", "Authorization", "Bearer " + mine).body());

            assertThat(usage.path("key").path("name").asString()).isEqualTo("mine");
            assertThat(usage.path("budgets")).hasSize(2);
            assertThat(usage.toString()).doesNotContain("7.00");
            JsonNode day = usage.path("budgets").get(0).path("period").asString().equals("day")
                    ? usage.path("budgets").get(0) : usage.path("budgets").get(1);
            assertThat(day.path("limit_usd").asString()).isEqualTo("5.00");
            assertThat(day.path("spent_usd").asString()).isEqualTo("0.000002");
            assertThat(usage.path("limits").get(0).path("remaining").asLong()).isEqualTo(9);
            assertThat(gw.get("/v1/gapwise/usage").statusCode()).isEqualTo(401);
        }
    }
}
