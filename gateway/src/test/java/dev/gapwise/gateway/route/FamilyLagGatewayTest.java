package dev.gapwise.gateway.route;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.TaskFamilies;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: a tier with {@code lag_by_task} serves a coding request from the cheap open model that is level with
 * the frontier on coding, and a request with an image from the frontier model, because the open one trails on vision.
 */
class FamilyLagGatewayTest {
    private static final LocalDate THEN = LocalDate.of(2024, 1, 1);
    private static final LocalDate NOW = LocalDate.of(2026, 1, 1);
    private static final String POLICY = """
            policy:
              tiers:
                critical: {max_lag_months: 3, lag_by_task: true, objective: cheapest}
              classifier: {high_stakes: critical, second_opinion: none}
              default_tier: critical
            """;

    @TempDir
    Path dir;

    @Test
    void routesACodingRequestAndAnImageRequestByTheirFamiliesLags() {
        try (TestGateway gw = TestGateway.start(dir, POLICY, catalog())) {
            HttpResponse<String> coding = gw.post("/v1/chat/completions", """
                    {"model":"auto","messages":[{"role":"user","content":"fix the bug in this python function"}]}""");
            HttpResponse<String> image = gw.post("/v1/chat/completions", """
                    {"model":"auto","messages":[{"role":"user","content":[
                      {"type":"text","text":"what does this sign say?"},
                      {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}""");

            assertThat(coding.statusCode()).as(coding.body()).isEqualTo(200);
            assertThat(coding.headers().firstValue("x-gapwise-deployment")).hasValue("cheap@fakeai");
            assertThat(image.statusCode()).as(image.body()).isEqualTo(200);
            assertThat(image.headers().firstValue("x-gapwise-deployment")).hasValue("frontier@fakeai");
            assertThat((String) gw.ledgerRows().getLast().get("decision")).contains("lags by task: vision");
        }
    }

    private static Catalog catalog() {
        Benchmark coding = new Benchmark("swe_bench_verified", "SWE-bench Verified", Scale.ACCURACY);
        Benchmark vision = new Benchmark("video_mme", "Video-MME", Scale.ACCURACY);
        Dataset.Builder data = Dataset.builder(new DataSnapshot("family test", NOW, "test"));
        data.model(model("vintage", Access.CLOSED, THEN)).model(model("frontier-model", Access.CLOSED, NOW))
                .model(model("cheap-model", Access.OPEN, NOW)).model(model("claude-fake", Access.CLOSED, THEN));
        data.benchmark(coding).benchmark(vision);
        data.score(score("vintage", coding, 0.40, THEN)).score(score("frontier-model", coding, 0.70, NOW))
                .score(score("cheap-model", coding, 0.72, NOW)).score(score("vintage", vision, 0.56, THEN))
                .score(score("frontier-model", vision, 0.80, NOW)).score(score("cheap-model", vision, 0.55, NOW));
        TaskFamilies families = new TaskFamilies(List.of(
                new TaskFamily("coding", "Coding", List.of(new TaskFamily.Member(coding.id(), "test"))),
                new TaskFamily("vision", "Vision", List.of(new TaskFamily.Member(vision.id(), "test")))));
        return new Catalog(List.of(data.build()), List.of(), families);
    }

    private static Model model(String id, Access access, LocalDate released) {
        return Model.builder(id, id).access(access).countries(List.of("US")).releaseDate(released).build();
    }

    private static BenchmarkScore score(String model, Benchmark benchmark, double value, LocalDate date) {
        return new BenchmarkScore(model, benchmark.id(), value, Optional.of(date), "test");
    }
}
