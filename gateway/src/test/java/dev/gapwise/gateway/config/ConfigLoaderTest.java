package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Dialect;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** gapwise.yaml: the documented example parses; mistakes are named with their key and fix. */
class ConfigLoaderTest {
    @Test
    void parsesTheDocumentedExample() {
        GatewayConfig config = ConfigLoader.load(Path.of(System.getProperty("user.dir")).resolveSibling("docs")
                .resolve("gapwise.example.yaml"));

        assertThat(config.providers()).containsKeys("openai", "anthropic", "deepseek", "local");
        assertThat(config.providers().get("openai").baseUrl().toString()).isEqualTo("https://api.openai.com/v1");
        assertThat(config.providers().get("local").discover()).isTrue();
        assertThat(config.deployments().getFirst().upstreamModel()).isEqualTo("deepseek-chat");
        assertThat(config.deployments().getFirst().dialect()).isEqualTo(Dialect.OPENAI);
        assertThat(config.retry().baseDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.timeouts().total()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.reference()).hasValue("openai-gpt-4.1");
        assertThat(config.modelAliases()).containsEntry("claude-sonnet-4-5*", "auto");
    }

    @Test
    void refusesAModelAliasThatNamesAnotherAliasOrNothing() {
        assertThatThrownBy(() -> ConfigLoader.parse("model_aliases:\n  a: b\n  b: auto\n", "f"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model_aliases.a")
                .hasMessageContaining("names the alias 'b'");
        assertThatThrownBy(() -> ConfigLoader.parse("model_aliases:\n  a: ''\n", "f"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("model_aliases.a");
    }

    @Test
    void treatsAnEmptyFileAsAllDefaults() {
        assertThat(ConfigLoader.parse("", "empty").server()).isEqualTo(ServerConfig.DEFAULT);
    }

    @Test
    void namesAnUnknownKeyAndTheKeysAllowed() {
        assertThatThrownBy(() -> ConfigLoader.parse("server:\n  prot: 80\n", "f"))
                .isInstanceOf(ConfigException.class).hasMessage("server.prot: unknown key; expected one of host, port, "
                        + "max_body_bytes, max_inflight_body_bytes, body_timeout, shutdown_grace");
    }

    @Test
    void rejectsALiteralKeyWithoutEchoingIt() {
        assertThatThrownBy(() -> ConfigLoader.parse("providers:\n  openai:\n    api_key: sk-live-123456\n", "f"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("providers.openai.api_key: write the "
                        + "environment variable").hasMessageNotContaining("sk-live-123456");
    }

    @Test
    void explainsBadValues() {
        assertThatThrownBy(() -> ConfigLoader.parse("timeouts:\n  connect: soon\n", "f"))
                .hasMessageContaining("timeouts.connect: 'soon' must be a duration");
        assertThatThrownBy(() -> ConfigLoader.parse("auth: maybe\n", "f"))
                .hasMessageContaining("auth: 'maybe' must be one of auto, required, none");
        assertThatThrownBy(() -> ConfigLoader.parse("deployments:\n  - model: m\n    provider: nowhere\n", "f"))
                .hasMessageContaining("deployments[0].provider: 'nowhere' is not under providers");
        assertThatThrownBy(() -> ConfigLoader.parse("providers:\n  mine:\n    base_url: ftp://x\n", "f"))
                .hasMessageContaining("providers.mine.dialect: missing");
        assertThatThrownBy(() -> ConfigLoader.parse("ledger:\n  url: jdbc:mysql://x?password=hunter2\n", "f"))
                .hasMessageContaining("ledger.url").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConfigLoader.parse("server: [1\n", "f")).hasMessageStartingWith("f: not valid YAML");
    }

    @Test
    void redactsSecretsWhenPrinted() {
        SecretRef secret = new SecretRef("OPENAI_API_KEY");
        assertThat(secret.resolve(Map.of("OPENAI_API_KEY", "sk-abc"))).hasValue("sk-abc");
        assertThat(secret.toString()).isEqualTo("${OPENAI_API_KEY}");
        assertThat(ConfigLoader.parse("providers:\n  openai:\n    api_key: ${OPENAI_API_KEY}\n", "f").toString())
                .doesNotContain("sk-");
    }

    @Test
    void buildsDefaultsFromTheKeysThatAreSet() {
        GatewayConfig config = KnownProviders.defaults(Map.of("DEEPSEEK_API_KEY", "x", "OPENAI_API_KEY", " "), true);

        assertThat(config.providers()).containsOnlyKeys("deepseek", "ollama");
        assertThat(config.providers().get("ollama").discover()).isTrue();
    }

    @Test
    void aMistakeInThePolicySectionNamesItsKeyAndTheKnownOnes() {
        assertThatThrownBy(() -> ConfigLoader.parse("policy:\n  tiers:\n    critical:\n      max_lag: 3\n"
                + "  default_tier: critical\n", "f"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("policy.tiers.critical.max_lag: ")
                .hasMessageContaining("allow_unknown_lag");
    }

    @Test
    void withoutAPolicySectionTheBuiltInPolicyApplies() {
        assertThat(ConfigLoader.parse("server: {port: 9000}\n", "f").policy().tiers())
                .containsKeys("critical", "elevated", "routine");
    }
}
