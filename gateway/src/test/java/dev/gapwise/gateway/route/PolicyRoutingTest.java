package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway routes by the routing module's policy: tier from header, key or classifier; eligibility from each
 * model's lag behind the frontier, computed from the catalog's ECI scores; the decision's reasons in the ledger.
 */
class PolicyRoutingTest {
    private static final String BUILT_IN_POLICY = "policy:\n  default_tier: routine\n"
            + "  lag_index: eci\n  tiers:\n    critical: {max_lag_months: 3, objective: cheapest}\n"
            + "    routine: {max_lag_months: 18, allow_unknown_lag: true, objective: cheapest}\n"
            + "  classifier: {high_stakes: critical}\n";

    @TempDir
    Path dir;

    /** cheap-model: open, Chinese, ECI 140 (9 months behind); claude-fake 148 (6); frontier-model 150 (2). */
    private static Catalog catalog() {
        Dataset.Builder data = Dataset.builder(new DataSnapshot("test catalog", LocalDate.of(2026, 3, 1), "test"));
        data.model(model("cheap-model", Access.OPEN, "CN", "2025-06-01"));
        data.model(model("claude-fake", Access.CLOSED, "US", "2025-09-01"));
        data.model(model("frontier-model", Access.CLOSED, "US", "2026-01-01"));
        data.benchmark(Benchmarks.ECI);
        data.score(score("cheap-model", 140)).score(score("claude-fake", 148)).score(score("frontier-model", 150));
        return new Catalog(List.of(data.build()), List.of());
    }

    @Test
    void sendsAClinicalQuestionToTheOnlyDeploymentCloseEnoughToTheFrontier() {
        try (TestGateway gw = TestGateway.start(dir, BUILT_IN_POLICY, catalog())) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", chat("auto",
                    "My patient has crushing chest pain radiating to the left arm. What dose of aspirin should I give?"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("frontier@fakeai");
            assertThat(response.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=critical (classifier)", "chose=frontier@fakeai");
            Map<String, Object> row = gw.ledgerRows().getLast();
            assertThat(row.get("tier")).isEqualTo("critical");
            assertThat((String) row.get("decision")).contains("critical").contains("lag");
        }
    }

    @Test
    void sendsADeclaredRoutineRequestToTheCheapestDeploymentWithinEighteenMonths() {
        try (TestGateway gw = TestGateway.start(dir, BUILT_IN_POLICY, catalog())) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", chat("auto", "turn this list into CSV: apples 3, pears 5, plums 12"),
                    "x-gapwise-tier", "routine");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
            assertThat(response.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=routine (header)");
        }
    }

    @Test
    void refusesANamedModelTheTierDoesNotAllowInTheCallersDialectWithoutCallingUpstream() {
        try (TestGateway gw = TestGateway.start(dir, BUILT_IN_POLICY, catalog())) {
            HttpResponse<String> response = gw.post("/v1/messages", """
                    {"model":"cheap-model","max_tokens":50,"messages":[{"role":"user","content":"hello"}]}""",
                    "x-gapwise-tier", "critical");

            assertThat(response.statusCode()).isEqualTo(403);
            var error = TestGateway.json(response.body()).path("error");
            assertThat(error.path("type").asString()).isEqualTo("permission_error");
            assertThat(error.path("message").asString())
                    .contains("model 'cheap-model' is not allowed for tier 'critical'").contains("months");
            assertThat(gw.upstream.received()).isEmpty();
            assertThat(gw.ledgerRows()).isEmpty();
        }
    }

    @Test
    void aPolicyInTheConfigFileKeepsChineseModelsOutOfATier() {
        String policy = "policy:\n  default_tier: routine\n  tiers:\n"
                + "    routine: {origin_countries: [US], allow_unknown_lag: true, objective: cheapest}\n"
                + "  classifier: {high_stakes: routine}\n";
        try (TestGateway gw = TestGateway.start(dir, policy, catalog())) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", chat("auto", "hello"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");
        }
    }

    @Test
    void autoWithNothingTheTierAllowsIsUnavailableAndSaysWhy() {
        String strict = "policy:\n  default_tier: critical\n  tiers:\n"
                + "    critical: {max_lag_months: 1, objective: cheapest}\n  classifier: {high_stakes: critical}\n";
        try (TestGateway gw = TestGateway.start(dir, strict, catalog())) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", chat("auto", "hello"));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(TestGateway.json(response.body()).path("error").path("message").asString())
                    .startsWith("no deployment available for tier 'critical'")
                    .contains("frontier@fakeai (lag 1.9 months on eci > max 1");
            assertThat(gw.upstream.received()).isEmpty();
        }
    }

    private static String chat(String model, String text) {
        return """
                {"model":"%s","messages":[{"role":"user","content":"%s"}]}""".formatted(model, text);
    }

    private static Model model(String id, Access access, String country, String released) {
        return Model.builder(id, id).access(access).countries(List.of(country))
                .releaseDate(LocalDate.parse(released)).build();
    }

    private static BenchmarkScore score(String model, double eci) {
        return new BenchmarkScore(model, "eci", eci, Optional.of(LocalDate.of(2026, 3, 1)), "test");
    }
}
