package dev.gapwise.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gapwise catalog list | search | check} on the bundled catalog. */
class CatalogCommandTest {
    @Test
    void checkOnTheBundledCatalogFindsNoRetiredDeploymentOfferedAndNoBaseModelScoreOnAnInstructModel() {
        CommandResult result = CommandResult.run("catalog", "check", "--today", "2026-12-01", "--quiet");
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("(0 of them not active)").contains("retired not offered")
                .contains("0 base-model scores on instruct models; 0 errors").contains("Newest score: 2026-04-17");
    }

    @Test
    void deploymentsAreListedWithStatusRegionAndPriceAge() {
        CommandResult offered = CommandResult.run("catalog", "list", "deployments");
        assertThat(offered.exitCode()).isZero();
        assertThat(offered.out()).contains("anthropic-claude-opus-4-7").contains("global").doesNotContain("xai-grok-4 ");
        CommandResult all = CommandResult.run("catalog", "list", "deployments", "--all");
        assertThat(all.out()).contains("xai-grok-4").contains("retired since 2026-05-15");
    }

    @Test
    void searchFindsModelsDeploymentsAndBenchmarks() {
        CommandResult result = CommandResult.run("catalog", "search", "deepseek");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Models (").contains("deepseek-v4-flash").contains("Deployments (")
                .contains("deepseek-chat-v3.2");
        assertThat(CommandResult.run("catalog", "search", "zzzz").err())
                .isEqualTo("gapwise: nothing in the catalog matches 'zzzz'" + System.lineSeparator());
    }

    @Test
    void benchmarksAndFamiliesAreListed() {
        assertThat(CommandResult.run("catalog", "list", "benchmarks").out()).contains("swe_bench_verified")
                .contains("family coding");
        assertThat(CommandResult.run("catalog", "list", "families").out()).contains("vision  Multimodal and vision")
                .contains("video_mme");
        assertThat(CommandResult.run("catalog", "list", "prices").err()).contains("list what?");
    }
}
