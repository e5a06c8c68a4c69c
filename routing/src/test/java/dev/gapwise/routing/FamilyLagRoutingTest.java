package dev.gapwise.routing;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Price;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.routing.policy.Policy;
import dev.gapwise.routing.policy.PolicyParser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tier that judges models by their lag on the request's task family: an open model level with the frontier on
 * coding but two years behind on vision serves a coding request and not a vision one. Lags are computed by the gap
 * module from the scores, through the same FrontierLags the gateway uses.
 */
class FamilyLagRoutingTest {
    private static final LocalDate THEN = LocalDate.of(2024, 1, 1);
    private static final LocalDate NOW = LocalDate.of(2026, 1, 1);

    private static Catalog catalog() {
        Dataset.Builder data = Dataset.builder(new DataSnapshot("family test", NOW, "test"));
        data.model(model("vintage", Access.CLOSED, THEN)).model(model("frontier-x", Access.CLOSED, NOW))
                .model(model("open-y", Access.OPEN, NOW));
        data.benchmark(Benchmarks.byId("swe_bench_verified").orElseThrow());
        data.benchmark(new dev.gapwise.catalog.Benchmark("video_mme", "Video-MME", dev.gapwise.catalog.Scale.ACCURACY));
        data.score(score("vintage", "swe_bench_verified", 0.40, THEN)).score(score("frontier-x", "swe_bench_verified", 0.70, NOW))
                .score(score("open-y", "swe_bench_verified", 0.72, NOW))
                .score(score("vintage", "video_mme", 0.56, THEN)).score(score("frontier-x", "video_mme", 0.80, NOW))
                .score(score("open-y", "video_mme", 0.55, NOW));
        TaskFamilies families = new TaskFamilies(List.of(
                new TaskFamily("coding", "Coding", List.of(new TaskFamily.Member("swe_bench_verified", "test"))),
                new TaskFamily("vision", "Vision", List.of(new TaskFamily.Member("video_mme", "test")))));
        return new Catalog(List.of(data.build()), List.of(deployment("frontier-x", "3.00", "15.00"),
                deployment("open-y", "0.30", "1.20")), families);
    }

    private static Router router() throws Exception {
        Policy policy = PolicyParser.parse(new ObjectMapper().readTree("""
                {"tiers": {"critical": {"max_lag_months": 3, "lag_by_task": true, "objective": "cheapest"}},
                 "classifier": {"high_stakes": "critical", "second_opinion": "none"},
                 "default_tier": "critical"}"""));
        Catalog catalog = catalog();
        return new Router(policy, catalog, FrontierLags.of(catalog), Classifiers.bundled());
    }

    @Test
    void aCodingRequestMayGoToTheOpenModelThatIsLevelOnCoding() throws Exception {
        RouteDecision decision = router().route(RouteRequest.of("fix the bug in this python function that parses dates"));
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("open-y@host");
        assertThat(decision.reasons()).anyMatch(r -> r.startsWith("lags by task: coding (the word 'bug')"));
        assertThat(decision.candidates()).allSatisfy(c -> assertThat(c.checks()).anyMatch(k -> k.contains("on family:coding")));
    }

    @Test
    void aVisionRequestGoesToTheFrontierModelBecauseTheOpenOneTrailsOnVision() throws Exception {
        RouteDecision decision = router().route(RouteRequest.of("what is written on this sign?").withMedia(true));
        assertThat(decision.chosen().orElseThrow().id()).isEqualTo("frontier-x@host");
        assertThat(decision.candidates()).filteredOn(c -> c.deployment().id().equals("open-y@host")).singleElement()
                .satisfies(c -> assertThat(c.checks()).anyMatch(k -> k.contains("months on family:vision > max 3")));
    }

    @Test
    void aRequestOfNoRecognisedFamilyIsJudgedOnTheTiersIndex() throws Exception {
        RouteDecision decision = router().route(RouteRequest.of("write a limerick about tea"));
        assertThat(decision.reasons()).anyMatch(r -> r.startsWith("lags by task: no task family recognised, so on eci"));
        assertThat(decision.chosen()).as("no ECI scores here, so no lag is known and the tier admits none").isEmpty();
    }

    private static Model model(String id, Access access, LocalDate released) {
        return Model.builder(id, id).access(access).countries(List.of("US")).releaseDate(released).build();
    }

    private static BenchmarkScore score(String model, String benchmark, double value, LocalDate date) {
        return new BenchmarkScore(model, benchmark, value, Optional.of(date), "test");
    }

    private static Deployment deployment(String model, String in, String out) {
        return new Deployment(model + "@host", model, "host", Dialect.OPENAI, URI.create("https://example.test/v1"),
                model, "US", Price.of(in, out), OptionalLong.empty(), NOW, "test");
    }
}
