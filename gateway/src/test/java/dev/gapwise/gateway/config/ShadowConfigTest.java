package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Distillation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shadow: section and a written deployment's distillation terms: the documented example, and named mistakes. */
class ShadowConfigTest {
    @Test
    void theDocumentedExampleShadowsRoutineCrmEmailToTheFrontier() {
        GatewayConfig config = ConfigLoader.load(Path.of(System.getProperty("user.dir")).resolveSibling("docs")
                .resolve("gapwise.example.yaml"));
        ShadowConfig shadow = config.shadow();
        assertThat(shadow.enabled()).isTrue();
        assertThat(shadow.rules().getFirst()).isEqualTo(new ShadowConfig.Rule(Optional.of("routine"),
                Optional.of("crm-email"), Optional.empty(), 0.05, java.util.List.of("openai-gpt-4.1")));
        assertThat(shadow.excludeTiers()).containsExactly("critical");
        assertThat(shadow.budgetPerDay()).isEqualByComparingTo(new BigDecimal("5.00"));
        assertThat(shadow.storeContent()).isFalse();
        assertThat(shadow.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.deployments().getFirst().distillation()).isEqualTo(Distillation.UNKNOWN);
    }

    @Test
    void withoutASectionNothingIsShadowedAndTheHighStakesTierIsExcludedByDefault() {
        assertThat(ConfigLoader.parse("server:\n  port: 0\n", "f").shadow()).isEqualTo(ShadowConfig.OFF);
        ShadowConfig shadow = ConfigLoader.parse("""
                shadow:
                  rules:
                    - {sample: 0.1, to: [x@y]}
                  budget_per_day: 1
                """, "f").shadow();
        assertThat(shadow.excludeTiers()).containsExactly("critical");
    }

    @Test
    void mistakesAreNamedWithTheirKeyAndFix() {
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  rules:\n    - {sample: 0.1, to: [x]}\n", "f"))
                .hasMessageContaining("shadow.budget_per_day: is missing; shadow calls cost money");
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  rules:\n    - {sample: 5, to: [x]}\n"
                + "  budget_per_day: 1\n", "f"))
                .hasMessageContaining("shadow.rules[0].sample: 5 must be between 0 and 1");
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  rules:\n    - {tier: gold, sample: 0.1, to: [x]}\n"
                + "  budget_per_day: 1\n", "f"))
                .hasMessageContaining("shadow.rules[0].tier: 'gold' is not a tier of the policy");
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  rules:\n    - {sample: 0.1}\n  budget_per_day: 1\n", "f"))
                .hasMessageContaining("shadow.rules[0].to: is missing");
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  retention: forever\n", "f"))
                .hasMessageContaining("shadow.retention: 'forever' must be a duration");
        assertThatThrownBy(() -> ConfigLoader.parse("shadow:\n  sampel: 1\n", "f"))
                .hasMessageContaining("shadow.sampel: unknown key");
        assertThatThrownBy(() -> ConfigLoader.parse("""
                providers:
                  mine: {dialect: openai, base_url: "http://127.0.0.1:9/v1"}
                deployments:
                  - {model: m, provider: mine, distillation: allowed}
                """, "f")).hasMessageContaining("deployments[0].distillation_source: is missing");
    }
}
