package dev.gapwise.routing.policy;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Countries;
import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.quality.Knob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Parses and validates the {@code policy:} subtree of {@code gapwise.yaml} (handed over as a Jackson tree by the
 * configuration loader). Unknown keys, wrong types and dangling tier names are {@link PolicyException}s naming the
 * dotted key and the fix. The shape is that of {@code gapwise/routing/default-policy.json}. Stateless.
 */
public final class PolicyParser {
    private static final Set<String> TOP = Set.of("lag_index", "tiers", "rules", "classifier", "default_tier",
            "expected_output_tokens", "baseline_deployment");
    private static final Set<String> TIER = Set.of("description", "max_lag_months", "lag_index", "allow_unknown_lag",
            "min_score", "access", "origin_countries", "jurisdictions", "max_input_price", "max_output_price", "objective");
    private static final Set<String> RULE = Set.of("name", "when", "tier");
    private static final Set<String> WHEN = Set.of("model", "endpoint", "system_prompt_contains", "metadata");

    private PolicyParser() {
    }

    /** The built-in default policy. */
    public static Policy builtIn() {
        try (InputStream in = PolicyParser.class.getClassLoader()
                .getResourceAsStream("gapwise/routing/default-policy.json")) {
            if (in == null) {
                throw new IllegalStateException("gapwise/routing/default-policy.json is missing (a broken build?)");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a policy tree; the path in messages starts at {@code policy}. */
    public static Policy parse(JsonNode policy) {
        String at = "policy";
        object(policy, at, TOP);
        String lagIndex = text(policy, at, "lag_index").orElse("eci");
        JsonNode tiersNode = policy.get("tiers");
        if (tiersNode == null || !tiersNode.isObject() || tiersNode.isEmpty()) {
            throw new PolicyException(at + ".tiers", "is required: a map of tier names to their rules, e.g. "
                    + "tiers: {critical: {max_lag_months: 3, objective: cheapest}}");
        }
        Map<String, TierPolicy> tiers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tiersNode.properties()) {
            tiers.put(entry.getKey(), tier(entry.getKey(), entry.getValue(), at + ".tiers." + entry.getKey(), lagIndex));
        }
        List<Rule> rules = new ArrayList<>();
        JsonNode rulesNode = policy.get("rules");
        if (rulesNode != null) {
            if (!rulesNode.isArray()) {
                throw new PolicyException(at + ".rules", "must be a list of {when: {...}, tier: NAME}");
            }
            int i = 0;
            for (JsonNode rule : rulesNode.values()) {
                rules.add(rule(rule, at + ".rules[" + i + "]", i + 1, tiers));
                i++;
            }
        }
        String defaultTier = tierName(policy, at, "default_tier", tiers)
                .orElseThrow(() -> new PolicyException(at + ".default_tier", "is required: name the tier of requests "
                        + "no other source decides, one of " + tiers.keySet()));
        String highStakes = defaultTier;
        Map<Complexity, String> byComplexity = new EnumMap<>(Complexity.class);
        boolean secondOpinion = true;
        JsonNode classifier = policy.get("classifier");
        if (classifier != null) {
            String path = at + ".classifier";
            object(classifier, path, Set.of("high_stakes", "complexity", "second_opinion"));
            Optional<String> opinion = text(classifier, path, "second_opinion");
            if (opinion.isPresent() && !opinion.get().equals("embedding") && !opinion.get().equals("none")) {
                throw new PolicyException(path + ".second_opinion", "'" + opinion.get() + "' is not embedding or none "
                        + "(embedding: ask the sentence-embedding model when the fast model is unsure; none: the fast "
                        + "model decides alone)");
            }
            secondOpinion = opinion.map(o -> o.equals("embedding")).orElse(true);
            highStakes = tierName(classifier, path, "high_stakes", tiers).orElse(defaultTier);
            JsonNode complexity = classifier.get("complexity");
            if (complexity != null) {
                object(complexity, path + ".complexity", Set.of("low", "medium", "high"));
                for (Complexity level : Complexity.values()) {
                    tierName(complexity, path + ".complexity", level.id(), tiers).ifPresent(t -> byComplexity.put(level, t));
                }
            }
        }
        List<String> order = List.copyOf(tiers.keySet());
        if (order.indexOf(highStakes) > order.indexOf(defaultTier)) {
            throw new PolicyException(at + ".tiers", "list the tiers from the most protected to the least (a request "
                    + "is raised towards the first, never lowered): '" + highStakes + "' (classifier.high_stakes) is "
                    + "listed after '" + defaultTier + "' (default_tier)");
        }
        long outputTokens = (long) number(policy, at, "expected_output_tokens").orElse(500);
        if (outputTokens < 1) {
            throw new PolicyException(at + ".expected_output_tokens", "must be a positive token count, e.g. 500");
        }
        return new Policy(tiers, rules, highStakes, byComplexity, defaultTier, outputTokens,
                text(policy, at, "baseline_deployment"), secondOpinion);
    }

    private static TierPolicy tier(String name, JsonNode node, String at, String defaultIndex) {
        object(node, at, TIER);
        OptionalDouble maxLag = number(node, at, "max_lag_months");
        if (maxLag.isPresent() && maxLag.getAsDouble() < 0) {
            throw new PolicyException(at + ".max_lag_months", "cannot be negative; 0 means frontier models only");
        }
        Optional<Eligibility.MinScore> minScore = Optional.empty();
        JsonNode min = node.get("min_score");
        if (min != null) {
            object(min, at + ".min_score", Set.of("benchmark", "value"));
            minScore = Optional.of(new Eligibility.MinScore(text(min, at + ".min_score", "benchmark").orElseThrow(
                    () -> new PolicyException(at + ".min_score.benchmark", "is required, e.g. mmlu_pro")),
                    number(min, at + ".min_score", "value").orElseThrow(() -> new PolicyException(
                            at + ".min_score.value", "is required, e.g. 0.75"))));
        }
        Set<Access> access = new HashSet<>();
        for (String value : list(node, at, "access")) {
            access.add(Access.parse(value).filter(a -> a != Access.UNKNOWN).orElseThrow(() -> new PolicyException(
                    at + ".access", "'" + value + "' is not open or closed")));
        }
        Eligibility eligibility = new Eligibility(maxLag, text(node, at, "lag_index").orElse(defaultIndex), minScore,
                access, countries(list(node, at, "origin_countries")), countries(list(node, at, "jurisdictions")),
                price(node, at, "max_input_price"), price(node, at, "max_output_price"));
        boolean allowUnknown = node.has("allow_unknown_lag") && bool(node.get("allow_unknown_lag"),
                at + ".allow_unknown_lag");
        return new TierPolicy(name, text(node, at, "description").orElse(name),
                allowUnknown ? eligibility.allowingUnknownLag() : eligibility, objective(node.get("objective"), at));
    }

    private static Objective objective(JsonNode node, String at) {
        String path = at + ".objective";
        if (node == null) {
            return new Objective.Cheapest();
        }
        if (node.isString()) {
            return switch (node.asString()) {
                case "cheapest" -> new Objective.Cheapest();
                case "best_quality" -> new Objective.BestQuality();
                default -> throw new PolicyException(path, "'" + node.asString() + "' is not an objective; use "
                        + "cheapest, best_quality or {quality_router: {target_quality: 0.95}}");
            };
        }
        object(node, path, Set.of("quality_router"));
        JsonNode router = node.get("quality_router");
        if (router == null) {
            throw new PolicyException(path, "use cheapest, best_quality or {quality_router: {target_quality: 0.95}}");
        }
        object(router, path + ".quality_router", Set.of("target_quality", "max_strong_share"));
        OptionalDouble target = number(router, path + ".quality_router", "target_quality");
        OptionalDouble share = number(router, path + ".quality_router", "max_strong_share");
        if (target.isPresent() == share.isPresent()) {
            throw new PolicyException(path + ".quality_router", "set exactly one knob: target_quality (e.g. 0.95) or "
                    + "max_strong_share (e.g. 0.3)");
        }
        try {
            return new Objective.QualityRouter(target.isPresent() ? new Knob.TargetQuality(target.getAsDouble())
                    : new Knob.MaxStrongShare(share.getAsDouble()));
        } catch (IllegalArgumentException e) {
            throw new PolicyException(path + ".quality_router", e.getMessage());
        }
    }

    private static Rule rule(JsonNode node, String at, int number, Map<String, TierPolicy> tiers) {
        object(node, at, RULE);
        String tier = tierName(node, at, "tier", tiers).orElseThrow(() -> new PolicyException(at + ".tier",
                "is required: the tier this rule assigns, one of " + tiers.keySet()));
        JsonNode when = node.get("when");
        if (when == null) {
            throw new PolicyException(at + ".when", "is required: conditions such as {model: 'gpt-4*'} or "
                    + "{metadata: {team: legal}}");
        }
        object(when, at + ".when", WHEN);
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode meta = when.get("metadata");
        if (meta != null) {
            object(meta, at + ".when.metadata", null);
            meta.properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        }
        String name = text(node, at, "name").map(n -> "rule " + number + " (" + n + ")").orElse("rule " + number);
        return new Rule(name, text(when, at + ".when", "model"), text(when, at + ".when", "endpoint"),
                list(when, at + ".when", "system_prompt_contains"), metadata, tier);
    }

    private static void object(JsonNode node, String at, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new PolicyException(at, "must be a map of keys to values");
        }
        if (allowed != null) {
            for (String key : node.propertyNames()) {
                if (!allowed.contains(key)) {
                    throw new PolicyException(at + "." + key, "is not a known key; known keys here: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)));
                }
            }
        }
    }

    private static Optional<String> text(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw new PolicyException(at + "." + key, "must be a non-empty string, got " + value);
        }
        return Optional.of(value.asString().strip());
    }

    private static OptionalDouble number(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber()) {
            throw new PolicyException(at + "." + key, "must be a number, got " + value);
        }
        return OptionalDouble.of(value.doubleValue());
    }

    private static boolean bool(JsonNode value, String at) {
        if (!value.isBoolean()) {
            throw new PolicyException(at, "must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static Optional<BigDecimal> price(JsonNode node, String at, String key) {
        OptionalDouble value = number(node, at, key);
        if (value.isPresent() && value.getAsDouble() < 0) {
            throw new PolicyException(at + "." + key, "cannot be negative; it is USD per 1M tokens, e.g. 2.50");
        }
        return value.isPresent() ? Optional.of(new BigDecimal(node.get(key).asString())) : Optional.empty();
    }

    private static List<String> list(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(value.asString());
        }
        if (!value.isArray()) {
            throw new PolicyException(at + "." + key, "must be a list of strings, e.g. [US, EU]");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                throw new PolicyException(at + "." + key, "must contain only strings, got " + item);
            }
            items.add(item.asString());
        }
        return items;
    }

    private static Set<String> countries(List<String> names) {
        Set<String> codes = new HashSet<>();
        for (String name : names) {
            if (name.equalsIgnoreCase("EU")) {
                codes.addAll(Eligibility.EU_MEMBERS);
            } else {
                codes.add(Countries.normalise(name));
            }
        }
        return codes;
    }

    private static Optional<String> tierName(JsonNode node, String at, String key, Map<String, TierPolicy> tiers) {
        Optional<String> name = text(node, at, key);
        if (name.isPresent() && !tiers.containsKey(name.get())) {
            throw new PolicyException(at + "." + key, "'" + name.get() + "' is not a tier; define it under "
                    + "policy.tiers or use one of " + tiers.keySet());
        }
        return name;
    }
}
