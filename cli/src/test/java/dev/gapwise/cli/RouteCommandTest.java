package dev.gapwise.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class RouteCommandTest {
    private static final String CATALOG = "../docs/examples/route-catalog";

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void explainsALegalQuestionWithTierSourceEveryDeploymentAndTheBaseline() {
        String[] result = run("route", "--catalog", CATALOG, "--lags", CATALOG + "/lags.csv",
                "can my landlord keep my deposit?");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("Tier        critical  <- classifier: risk gate: legal")
                .contains("words that weighed most towards legal:")
                .contains("Calls       openai-gpt-5").contains("Baseline    frontier openai-gpt-5")
                .contains("x-gapwise-route-reason: tier=critical");
        String[] verbose = run("route", "--catalog", CATALOG, "--lags", CATALOG + "/lags.csv", "--verbose",
                "can my landlord keep my deposit?");
        assertThat(verbose[1]).contains("deepseek-chat-v3.2").contains("lag 5.0 months on eci > max 3")
                .contains("Choice      openai-gpt-5").contains("Reasons");
    }

    /** Regression (issue 7): route picked deployments the gateway cannot call; now it reads the same config. */
    @Test
    void routesOnlyAmongTheDeploymentsTheConfigurationCanCallAndSaysWhatItLeftOut() throws Exception {
        java.nio.file.Path config = java.nio.file.Files.createTempFile("gapwise", ".yaml");
        java.nio.file.Files.writeString(config, """
                providers:
                  local:
                    dialect: openai
                    base_url: http://127.0.0.1:9/v1
                deployments:
                  - id: tiny@local
                    model: tiny
                    provider: local
                    price: {input: 0.01, output: 0.02}
                    jurisdiction: US
                catalog_deployments: false
                ledger:
                  url: jdbc:sqlite:%s
                """.formatted(config.resolveSibling(config.getFileName() + ".db")));
        String[] result = run("route", "--config", config.toString(), "when will my new card arrive?");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("Calls       tiny@local").contains("left out")
                .contains("whose provider is not configured");
    }

    /** Regression (issue 7): --policy gapwise.yaml failed on a file without a policy: section. */
    @Test
    void aPolicyFileWithoutAPolicySectionUsesTheBuiltInPolicyAndSaysSo() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gapwise", ".yaml");
        java.nio.file.Files.writeString(file, "server:\n  port: 8080\n");
        String[] result = run("route", "--catalog", CATALOG, "--policy", file.toString(), "hello");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("has no policy: section; the built-in policy applies");
    }

    @Test
    void aKeysTierIsAFloorAndAFixedOneIsFinal() {
        String crisis = "my dad has chest pain and is sweating, what do i do";
        String[] floor = run("route", "--catalog", CATALOG, "--lags", CATALOG + "/lags.csv", "--key-tier", "routine",
                crisis);
        assertThat(floor[1]).contains("Tier        critical").contains("raised above the API key's tier routine");
        String[] fixed = run("route", "--catalog", CATALOG, "--lags", CATALOG + "/lags.csv", "--key-tier", "routine",
                "--key-tier-fixed", crisis);
        assertThat(fixed[1]).contains("Tier        routine  <- api key: API key's fixed tier routine")
                .contains("risk gate: medical: crisis term 'chest pain'");
    }

    @Test
    void jsonFormatCarriesTheSameDecision() {
        String[] result = run("route", "--catalog", CATALOG, "--lags", CATALOG + "/lags.csv", "--format", "json",
                "when will my new card arrive?");
        assertThat(result[1]).contains("\"tier\" : \"routine\"").contains("\"chosen\" : \"deepseek-chat-v3.2\"")
                .contains("\"candidates\"");
    }

    @Test
    void aBadPolicyFileIsOneLineNamingTheKey() throws Exception {
        java.nio.file.Path policy = java.nio.file.Files.createTempFile("policy", ".yaml");
        java.nio.file.Files.writeString(policy, "policy:\n  tiers:\n    a: {max_lag: 3}\n  default_tier: a\n");
        String[] result = run("route", "--catalog", CATALOG, "--policy", policy.toString(), "hi");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("policy.tiers.a.max_lag: is not a known key").doesNotContain("Exception");
    }

    @Test
    void missingPromptIsAUserError() {
        String[] result = run("route", "--catalog", CATALOG);
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("give the prompt");
    }
}
