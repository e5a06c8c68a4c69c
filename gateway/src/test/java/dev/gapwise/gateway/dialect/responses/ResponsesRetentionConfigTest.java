package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ledger.responses_retention}: days or a duration, 30 days by default, never under a minute. */
class ResponsesRetentionConfigTest {
    private static String yaml(String retention) {
        String base = TestGateway.yaml(URI.create("http://127.0.0.1:9"), Path.of("/tmp/unused"), "");
        return retention == null ? base : base.replace("ledger:\n", "ledger:\n  responses_retention: " + retention + "\n");
    }

    @Test
    void keepsStoredResponsesThirtyDaysUnlessToldOtherwise() {
        assertThat(ConfigLoader.parse(yaml(null), "test").ledger().responsesRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(ConfigLoader.parse(yaml("7d"), "test").ledger().responsesRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(ConfigLoader.parse(yaml("12h"), "test").ledger().responsesRetention()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void refusesARetentionShorterThanAMinuteNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml("30s"), "test")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ledger.responses_retention").hasMessageContaining("shorter than a minute");
    }
}
