package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Price;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The placeholder router: cheapest eligible first, every route with its reasons. */
class CheapestEligiblePlannerTest {
    static Deployment deployment(String id, String model, String in, String out) {
        return new Deployment(id, model, "p", Dialect.OPENAI, URI.create("http://127.0.0.1:1/v1"), model + "-up", "US",
                Price.of(in, out), OptionalLong.empty(), LocalDate.EPOCH, "test");
    }

    final CheapestEligiblePlanner planner = new CheapestEligiblePlanner(List.of(
            deployment("big@a", "big", "10", "30"), deployment("small@a", "small", "0.1", "0.4"),
            deployment("small@b", "small", "0.2", "0.2")));

    @Test
    void sendsAutoToTheCheapestDeploymentWithTheRestAsFallbacks() {
        RoutePlan.Route route = (RoutePlan.Route) planner.plan(RouteRequest.of("auto", Optional.empty(), false));

        assertThat(route.candidates()).extracting(c -> c.deployment().id()).containsExactly("small@a", "small@b", "big@a");
        assertThat(route.candidates().getFirst().reason()).contains("cheapest of 3");
        assertThat(route.tier()).isEqualTo(CheapestEligiblePlanner.DEFAULT_TIER);
    }

    @Test
    void sendsAConcreteModelOnlyToItsDeploymentsWhateverNameIsUsed() {
        assertThat(((RoutePlan.Route) planner.plan(RouteRequest.of("small", Optional.of("critical"), false)))
                .candidates()).hasSize(2);
        assertThat(((RoutePlan.Route) planner.plan(RouteRequest.of("big-up", Optional.empty(), false)))
                .candidates()).hasSize(1);
        assertThat(planner.plan(RouteRequest.of("small@b", Optional.empty(), false))).isInstanceOf(RoutePlan.Route.class);
    }

    @Test
    void saysWhyNothingCanServe() {
        assertThat(planner.plan(RouteRequest.of("nope", Optional.empty(), false)))
                .isEqualTo(new RoutePlan.UnknownModel("nope"));
        assertThat(new CheapestEligiblePlanner(List.of()).plan(RouteRequest.of("auto", Optional.empty(), false)))
                .isInstanceOf(RoutePlan.NoDeployment.class);
    }
}
