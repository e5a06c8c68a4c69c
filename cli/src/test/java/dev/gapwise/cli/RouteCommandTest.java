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
                .contains("deepseek-chat-v3.2").contains("lag 5.0 months on eci > max 3")
                .contains("Choice      openai-gpt-5").contains("Baseline    frontier openai-gpt-5")
                .contains("x-gapwise-route-reason: tier=critical");
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
