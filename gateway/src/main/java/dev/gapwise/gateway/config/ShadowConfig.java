package dev.gapwise.gateway.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code shadow:} section: which served requests are also sent, off the request path, to other deployments to
 * measure how often a cheaper answer would do. Off unless it has rules. Immutable.
 *
 * @param rules               first match wins; a request no rule matches is never shadowed
 * @param excludeTiers        tiers never shadowed (default: the policy's high-stakes tier)
 * @param excludeKeys         virtual keys (name or id) whose requests are never shadowed
 * @param maxConcurrent       shadow calls running at once
 * @param queue               shadow calls waiting for a slot; beyond it a sampled request is dropped (and counted)
 * @param budgetPerDay        USD a UTC day may spend on shadow and judge calls, worst case reserved before each call
 * @param maxOutputTokens     the output cap put on shadow requests that set none (bounds each call's worst case)
 * @param judge               the deployment asked the fixed rubric on free-text pairs, when set
 * @param similarityThreshold word-overlap F1 at or above which free text is acceptable when no judge decides
 * @param storeContent        whether prompts and both answers are stored (for the export); off by default
 * @param retention           how long stored content is kept
 */
public record ShadowConfig(List<Rule> rules, Set<String> excludeTiers, Set<String> excludeKeys, int maxConcurrent,
                           int queue, BigDecimal budgetPerDay, int maxOutputTokens, Optional<String> judge,
                           double similarityThreshold, boolean storeContent, Duration retention) {
    /** No shadowing. */
    public static final ShadowConfig OFF = new ShadowConfig(List.of(), Set.of(), Set.of(), 2, 32, BigDecimal.ZERO,
            1024, Optional.empty(), 0.6, false, Duration.ofDays(30));

    public ShadowConfig {
        rules = List.copyOf(rules);
        excludeTiers = Set.copyOf(excludeTiers);
        excludeKeys = Set.copyOf(excludeKeys);
        Objects.requireNonNull(budgetPerDay, "budgetPerDay");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(retention, "retention");
    }

    /** True when some rule can shadow a request. */
    public boolean enabled() {
        return !rules.isEmpty();
    }

    /**
     * One rule: which requests (tier, task label, key; absent = any) and what share of them go to which deployments.
     *
     * @param tier   the request's risk tier
     * @param task   the request's task label ({@code x-gapwise-task} header or {@code metadata.task})
     * @param key    a virtual key's name or id
     * @param sample the share of matching requests shadowed, 0..1
     * @param to     the shadow deployments
     */
    public record Rule(Optional<String> tier, Optional<String> task, Optional<String> key, double sample,
                       List<String> to) {
        public Rule {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(key, "key");
            to = List.copyOf(to);
        }

        /** Whether a request with these facts matches. */
        public boolean matches(String requestTier, String requestTask, Optional<String> keyName,
                               Optional<String> keyId) {
            return tier.map(requestTier::equals).orElse(true) && task.map(requestTask::equals).orElse(true)
                    && key.map(k -> keyName.map(k::equals).orElse(false) || keyId.map(k::equals).orElse(false))
                    .orElse(true);
        }
    }

}
