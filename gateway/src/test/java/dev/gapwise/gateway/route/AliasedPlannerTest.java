package dev.gapwise.gateway.route;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Model aliases: an exact name beats a prefix, the longest prefix beats shorter ones, other names pass as sent. */
class AliasedPlannerTest {
    private final AliasedPlanner planner = (AliasedPlanner) AliasedPlanner.of(request -> new RoutePlan.UnknownModel(
            request.model()), Map.of("claude-*", "cheap", "claude-sonnet-4-5*", "auto",
            "claude-sonnet-4-5-20250929", "frontier"));

    @Test
    void prefersTheExactNameThenTheLongestPrefix() {
        assertThat(planner.target("claude-sonnet-4-5-20250929")).hasValue("frontier");
        assertThat(planner.target("claude-sonnet-4-5-20991231")).hasValue("auto");
        assertThat(planner.target("claude-3-5-haiku-latest")).hasValue("cheap");
        assertThat(planner.target("gpt-4o")).isEmpty();
    }

    @Test
    void plansTheTargetAndLeavesOtherNamesAlone() {
        assertThat(planner.plan(RouteRequest.of("claude-opus-4-1", java.util.Optional.empty(), false)))
                .isEqualTo(new RoutePlan.UnknownModel("cheap"));
        assertThat(planner.plan(RouteRequest.of("gpt-4o", java.util.Optional.empty(), false)))
                .isEqualTo(new RoutePlan.UnknownModel("gpt-4o"));
    }

    @Test
    void isThePlannerItselfWithoutAliases() {
        RoutePlanner plain = request -> new RoutePlan.NoDeployment("none");
        assertThat(AliasedPlanner.of(plain, Map.of())).isSameAs(plain);
    }
}
