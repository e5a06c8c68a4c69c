package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ConfigLoader;
import dev.gapwise.gateway.fake.Behaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What routing does as a budget fills: downgrade a tier, refuse tiers, and never downgrade the critical tier. */
class BudgetRoutingTest {
    /** Elevated and critical work stays in the US (claude); routine may use the cheaper CN deployment. */
    static final String POLICY = """
            policy:
              default_tier: routine
              tiers:
                critical: {allow_unknown_lag: true, jurisdictions: [US], objective: cheapest}
                elevated: {allow_unknown_lag: true, jurisdictions: [US], objective: cheapest}
                routine: {allow_unknown_lag: true, objective: cheapest}
              classifier: {high_stakes: critical}
            """;
    static final String RULES = """
            budgets:
              when_filled:
                - {at: 80%, tiers: [elevated], route_as: routine}
                - {at: 95%, tiers: [elevated, routine], refuse: true}
            """;

    @TempDir
    Path dir;

    private static HttpResponse<String> ask(TestGateway gw, String key, String tier, String model) {
        return gw.post("/v1/chat/completions", Spenders.chat(model, false, 1_600, 500), "Authorization", "Bearer " + key,
                "x-gapwise-tier", tier);
    }

    private static void budget(TestGateway gw, String keyId, String spec) throws Exception {
        new AllowanceStore(gw.gateway.database(), InstantSource.system()).setBudget(Scope.KEY, keyId,
                SpendSpecs.budget(spec).orElseThrow(), ZoneId.of("UTC"));
        gw.gateway.refresh();
    }

    @Test
    void asTheBudgetFillsElevatedWorkIsDowngradedThenRefusedWhileCriticalIsServedUntilItsBudgetIsSpent() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, POLICY + RULES,
                yaml -> yaml.replaceFirst("jurisdiction: US", "jurisdiction: CN"))) {
            String key = Spenders.key(gw.gateway.database(), "team-app");
            String keyId = Spenders.keyId(gw.gateway.database(), "team-app");
            gw.gateway.refresh();
            assertThat(ask(gw, key, "elevated", "auto").headers().firstValue("x-gapwise-deployment"))
                    .hasValue("claude@fakeanthropic");
            gw.upstream.setDefault(Behaviour.ok().reporting(20_000, 10_000));
            assertThat(ask(gw, key, "routine", "frontier-model").statusCode()).isEqualTo(200);
            assertThat(ask(gw, key, "routine", "frontier-model").statusCode()).isEqualTo(200);
            gw.upstream.setDefault(Behaviour.ok());
            gw.gateway.ledger().flush();

            budget(gw, keyId, "1.20/day");
            HttpResponse<String> downgraded = ask(gw, key, "elevated", "auto");

            assertThat(downgraded.statusCode()).isEqualTo(200);
            assertThat(downgraded.headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
            assertThat(downgraded.headers().firstValue("x-gapwise-route-reason").orElseThrow())
                    .contains("tier=elevated", "budget=elevated as routine (83.3 % of day)");
            assertThat(gw.ledgerRows().getLast().get("decision").toString())
                    .contains("budget: the day budget of key " + keyId + " is 83.3 % used (rule at 80 %)",
                            "tier elevated planned under the rules of routine");
            assertThat(gw.ledgerRows().getLast().get("tier")).isEqualTo("elevated");

            budget(gw, keyId, "1.05/day");
            HttpResponse<String> refused = ask(gw, key, "elevated", "auto");
            HttpResponse<String> critical = ask(gw, key, "critical", "auto");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("x-should-retry")).hasValue("false");
            assertThat(TestGateway.json(refused.body()).path("error").path("message").asString())
                    .contains("tier elevated is not served now", "95.2 % used (rule at 95 %)");
            assertThat(critical.statusCode()).isEqualTo(200);
            assertThat(critical.headers().firstValue("x-gapwise-deployment")).hasValue("claude@fakeanthropic");

            budget(gw, keyId, "1.00/day");
            HttpResponse<String> spent = ask(gw, key, "critical", "auto");

            assertThat(spent.statusCode()).isEqualTo(429);
            assertThat(TestGateway.json(spent.body()).path("error").path("message").asString())
                    .contains("day budget of key " + keyId, "is spent");
        }
    }

    @Test
    void aRuleThatWouldDowngradeTheCriticalTierIsRefusedAtStart() {
        String rules = """
                budgets:
                  when_filled:
                    - {at: 80%, tiers: [critical], route_as: routine}
                """;
        assertThatThrownBy(() -> ConfigLoader.parse(TestGateway.yaml(URI.create("http://127.0.0.1:1/v1"), dir,
                POLICY + rules), "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("budgets.when_filled[0].tiers")
                .hasMessageContaining("the high-stakes tier 'critical' is never downgraded");
    }
}
