package dev.gapwise.gateway.shadow;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.config.ShadowConfig;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.routing.policy.Policy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ShadowPolicyTest {
    private static final Target FRONTIER = new Target(new Deployment("f@x", "f", "x", Dialect.OPENAI,
            URI.create("http://127.0.0.1:1/v1"), "f", "US", Price.of("10", "30"), OptionalLong.empty(),
            LocalDate.EPOCH, "test"), Dialects.of(DialectKind.OPENAI),
            URI.create("http://127.0.0.1:1/v1/chat/completions"), Optional.empty());

    private static ShadowPolicy policy(double share, Set<String> excludedKeys) {
        ShadowConfig config = new ShadowConfig(List.of(new ShadowConfig.Rule(Optional.of("routine"), Optional.empty(),
                Optional.empty(), share, List.of("f@x"))), Set.of("critical"), excludedKeys, 1, 1, BigDecimal.ONE,
                100, Optional.empty(), 0.6, false, Duration.ofDays(1));
        return new ShadowPolicy(config, Policy.builtIn(), Map.of("f@x", FRONTIER));
    }

    private static ShadowFacts facts(String id, String tier, Optional<String> keyName) {
        return new ShadowFacts(id, Instant.EPOCH, keyName.map(name -> "id-" + name), keyName, tier, "unlabelled",
                Dialects.of(DialectKind.OPENAI), dev.gapwise.gateway.dialect.neutral.Json.object());
    }

    @Test
    void anExcludedKeyIsNeverShadowedByNameOrId() {
        ShadowPolicy policy = policy(1.0, Set.of("patient-portal", "id-clinic"));
        assertThat(policy.decide(facts("r1", "routine", Optional.of("patient-portal"))))
                .isInstanceOf(ShadowPolicy.Decision.Skip.class);
        assertThat(policy.decide(facts("r2", "routine", Optional.of("clinic"))))
                .isInstanceOf(ShadowPolicy.Decision.Skip.class);
        assertThat(policy.decide(facts("r3", "routine", Optional.of("mailer"))))
                .isInstanceOf(ShadowPolicy.Decision.Shadow.class);
        assertThat(policy.decide(facts("r4", "critical", Optional.empty())))
                .isEqualTo(new ShadowPolicy.Decision.Skip("tier critical is excluded from shadowing"));
    }

    @Test
    void theSampledShareMatchesTheRulesShareAndIsFixedByTheRequestId() {
        ShadowPolicy policy = policy(0.1, Set.of());
        int sampled = 0;
        for (int i = 0; i < 20_000; i++) {
            if (policy.decide(facts("req-" + i, "routine", Optional.empty())) instanceof ShadowPolicy.Decision.Shadow) {
                sampled++;
            }
        }
        assertThat(sampled / 20_000.0).isCloseTo(0.1, within(0.01));
        assertThat(policy.decide(facts("req-7", "routine", Optional.empty())))
                .isEqualTo(policy.decide(facts("req-7", "routine", Optional.empty())));
    }

    @Test
    void theTaskLabelComesFromTheHeaderThenTheMetadataAndIsCleaned() {
        var body = dev.gapwise.gateway.dialect.neutral.Json.object();
        body.putObject("metadata").put("task", "crm email");
        assertThat(ShadowFacts.task(null, body)).isEqualTo("crm-email");
        assertThat(ShadowFacts.task("  invoices/v2 ", body)).isEqualTo("invoices/v2");
        assertThat(ShadowFacts.task("", dev.gapwise.gateway.dialect.neutral.Json.object())).isEqualTo("unlabelled");
        assertThat(ShadowFacts.task("x".repeat(300), body)).hasSize(100);
        assertThat(ShadowFacts.task("tâche\u0000;drop", body)).isEqualTo("t-che--drop");
    }
}
