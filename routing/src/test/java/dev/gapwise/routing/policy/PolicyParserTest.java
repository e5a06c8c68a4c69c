package dev.gapwise.routing.policy;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.quality.Knob;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Policy parse(String json) {
        return PolicyParser.parse(JSON.readTree(json));
    }

    @Test
    void builtInPolicyHasCriticalElevatedAndRoutineTiers() {
        Policy policy = Policy.builtIn();
        assertThat(policy.tiers()).containsOnlyKeys("critical", "elevated", "routine");
        assertThat(policy.highStakesTier()).isEqualTo("critical");
        assertThat(policy.defaultTier()).isEqualTo("routine");
        assertThat(policy.complexityTiers()).containsEntry(Complexity.HIGH, "elevated");
        assertThat(policy.tier("critical").orElseThrow().eligibility().maxLagMonths().getAsDouble()).isEqualTo(3);
        assertThat(policy.tier("elevated").orElseThrow().objective())
                .isEqualTo(new Objective.QualityRouter(new Knob.TargetQuality(0.95)));
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("{\"tiers\": {\"a\": {\"max_lag\": 3}}, \"default_tier\": \"a\"}"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy.tiers.a.max_lag: is not a known key")
                .hasMessageContaining("max_lag_months");
    }

    @Test
    void ruleNamingAnUndefinedTierIsRejected() {
        assertThatThrownBy(() -> parse("""
                {"tiers": {"a": {}}, "default_tier": "a",
                 "rules": [{"when": {"model": "gpt-*"}, "tier": "b"}]}"""))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy.rules[0].tier: 'b' is not a tier");
    }

    @Test
    void missingDefaultTierSaysWhatToDo() {
        assertThatThrownBy(() -> parse("{\"tiers\": {\"a\": {}}}"))
                .hasMessageStartingWith("policy.default_tier: is required");
    }

    @Test
    void wrongTypesAreNamed() {
        assertThatThrownBy(() -> parse("{\"tiers\": {\"a\": {\"max_lag_months\": \"six\"}}, \"default_tier\": \"a\"}"))
                .hasMessageStartingWith("policy.tiers.a.max_lag_months: must be a number");
        assertThatThrownBy(() -> parse("{\"tiers\": {\"a\": {\"objective\": \"fastest\"}}, \"default_tier\": \"a\"}"))
                .hasMessageContaining("cheapest, best_quality");
        assertThatThrownBy(() -> parse("""
                {"tiers": {"a": {"objective": {"quality_router": {"target_quality": 1.5}}}}, "default_tier": "a"}"""))
                .hasMessageStartingWith("policy.tiers.a.objective.quality_router: target quality must be in (0, 1]");
    }

    @Test
    void euShorthandExpandsToMemberStates() {
        Policy policy = parse("{\"tiers\": {\"a\": {\"jurisdictions\": [\"EU\", \"CH\"]}}, \"default_tier\": \"a\"}");
        assertThat(policy.tier("a").orElseThrow().eligibility().jurisdictions()).contains("DE", "FR", "CH")
                .doesNotContain("US");
    }
}
