package dev.gapwise.gateway.config;

import dev.gapwise.routing.policy.Policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks the {@code shadow:} section. Deployment ids are checked against the fleet when the gateway
 * starts (they may come from the catalog). Stateless.
 */
final class ShadowConfigReader {
    private static final Pattern DAYS = Pattern.compile("(\\d+)d");

    private ShadowConfigReader() {
    }

    static ShadowConfig read(ConfigNode node, Policy policy) {
        if (node.value().isMissingNode() || node.value().isNull()) {
            return ShadowConfig.OFF;
        }
        node.only("rules", "exclude_tiers", "exclude_keys", "max_concurrent", "queue", "budget_per_day",
                "max_output_tokens", "judge", "similarity_threshold", "store_content", "retention");
        ConfigNode rulesNode = node.child("rules");
        List<ShadowConfig.Rule> rules = new ArrayList<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            rules.add(rule(rulesNode.element(i), policy));
        }
        Set<String> excludeTiers = node.has("exclude_tiers") ? new HashSet<>(node.texts("exclude_tiers"))
                : Set.of(policy.highStakesTier());
        for (String tier : excludeTiers) {
            if (policy.tier(tier).isEmpty()) {
                throw node.error("exclude_tiers", "'" + tier + "' is not a tier of the policy; use one of "
                        + policy.tiers().keySet());
            }
        }
        int maxConcurrent = node.optionalInt("max_concurrent").orElse(2);
        if (maxConcurrent < 1 || maxConcurrent > 256) {
            throw node.error("max_concurrent", maxConcurrent + " must be between 1 and 256");
        }
        int queue = node.optionalInt("queue").orElse(32);
        if (queue < 0 || queue > 100_000) {
            throw node.error("queue", queue + " must be between 0 and 100000");
        }
        Optional<BigDecimal> budget = node.optionalDecimal("budget_per_day", "USD");
        if (!rules.isEmpty() && budget.isEmpty()) {
            throw node.error("budget_per_day", "is missing; shadow calls cost money: give a USD amount per UTC day, "
                    + "e.g. budget_per_day: 5.00");
        }
        int maxOutput = node.optionalInt("max_output_tokens").orElse(1024);
        if (maxOutput < 1) {
            throw node.error("max_output_tokens", maxOutput + " must be at least 1");
        }
        double threshold = node.optionalDecimal("similarity_threshold", "share").map(BigDecimal::doubleValue)
                .orElse(0.6);
        if (!(threshold > 0 && threshold <= 1)) {
            throw node.error("similarity_threshold", threshold + " must be in (0, 1]");
        }
        return new ShadowConfig(rules, excludeTiers, new HashSet<>(node.texts("exclude_keys")), maxConcurrent, queue,
                budget.orElse(BigDecimal.ZERO), maxOutput, node.optionalText("judge"), threshold,
                node.optionalBoolean("store_content").orElse(false), retention(node));
    }

    private static ShadowConfig.Rule rule(ConfigNode node, Policy policy) {
        node.only("tier", "task", "key", "sample", "to");
        Optional<String> tier = node.optionalText("tier");
        if (tier.isPresent() && policy.tier(tier.get()).isEmpty()) {
            throw node.error("tier", "'" + tier.get() + "' is not a tier of the policy; use one of "
                    + policy.tiers().keySet());
        }
        BigDecimal sample = node.optionalDecimal("sample", "share").orElseThrow(() ->
                node.error("sample", "is missing; give the share of matching requests to shadow, e.g. 0.05"));
        if (sample.compareTo(BigDecimal.ONE) > 0) {
            throw node.error("sample", sample.toPlainString() + " must be between 0 and 1 (a share, 0.05 for 5 %)");
        }
        List<String> to = node.texts("to");
        if (to.isEmpty()) {
            throw node.error("to", "is missing; list the deployment ids to shadow to, e.g. [deepseek-v3@deepseek]");
        }
        return new ShadowConfig.Rule(tier, node.optionalText("task"), node.optionalText("key"), sample.doubleValue(), to);
    }

    private static Duration retention(ConfigNode node) {
        Optional<String> text = node.optionalText("retention");
        if (text.isEmpty()) {
            return Duration.ofDays(30);
        }
        Matcher days = DAYS.matcher(text.get().strip());
        Duration retention = days.matches() ? Duration.ofDays(Long.parseLong(days.group(1)))
                : node.optionalDuration("retention").orElseThrow();
        if (retention.isZero() || retention.isNegative()) {
            throw node.error("retention", "'" + text.get() + "' must be positive, e.g. 30d");
        }
        return retention;
    }
}
