package dev.gapwise.routing.bench;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Price;
import dev.gapwise.routing.Classifiers;
import dev.gapwise.routing.ModelLags;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.RouteRequest;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.classify.SparseVector;
import dev.gapwise.routing.classify.TextFeatures;
import dev.gapwise.routing.policy.Policy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Latency of the routing fast path in sample-time mode (JMH reports p50, p99, p99.9). Prompts of three sizes:
 * a short chat request (~40 chars), an exam-style question with options (~600 chars) and a long task (~2,400 chars,
 * past the 1,024-char feature cap). A whole decision includes the tier rules, the classifiers, the quality router
 * and ordering 12 deployments.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FastPathBenchmark {
    @Param({"short", "medium", "long"})
    public String size;

    private String prompt;
    private Classifiers classifiers;
    private Router router;
    private RouteRequest request;

    @Setup(Level.Trial)
    public void setUp() {
        prompt = switch (size) {
            case "short" -> "hey, when will my new card arrive?";
            case "medium" -> "A 45-year-old man presents with crushing chest pain radiating to his left arm for the "
                    + "past hour. He has a history of hypertension and smoking. ECG shows ST elevation in leads II, "
                    + "III and aVF. Which coronary artery is most likely occluded, and what is the next step?\n"
                    + "A. Left anterior descending artery; thrombolysis\nB. Right coronary artery; primary PCI\n"
                    + "C. Left circumflex artery; stress test\nD. Left main artery; observation\n"
                    + "Explain your reasoning briefly and mention contraindications to consider.";
            default -> ("Write a Python service that ingests CSV uploads, validates each row against a schema, "
                    + "stores valid rows in PostgreSQL and reports errors per line with retries and metrics. ").repeat(14);
        };
        classifiers = Classifiers.bundled();
        router = new Router(Policy.builtIn(), catalog(), lags(), classifiers);
        request = RouteRequest.of(prompt);
    }

    @Benchmark
    public SparseVector features() {
        return TextFeatures.of(prompt);
    }

    @Benchmark
    public RiskAssessment riskGate() {
        return classifiers.risk().assess(prompt);
    }

    @Benchmark
    public RouteDecision wholeDecision() {
        return router.route(request);
    }

    private static Catalog catalog() {
        Dataset.Builder dataset = Dataset.builder(new DataSnapshot("bench", LocalDate.of(2026, 1, 1), "bench"));
        List<Deployment> deployments = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = "model-" + i;
            dataset.model(Model.builder(id, id).organization("org").countries(List.of(i % 3 == 0 ? "CN" : "US"))
                    .access(i % 2 == 0 ? Access.OPEN : Access.CLOSED).releaseDate(LocalDate.of(2025, 1, 1))
                    .source("bench").build());
            deployments.add(new Deployment(id + "@host", id, "host", Dialect.OPENAI, URI.create("https://h.test/v1"), id,
                    "US", Price.of(String.valueOf(0.1 + i * 0.3), String.valueOf(0.4 + i)), OptionalLong.empty(),
                    LocalDate.of(2026, 1, 1), "bench"));
        }
        return new Catalog(List.of(dataset.build()), deployments);
    }

    private static ModelLags lags() {
        Map<String, Double> months = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            months.put("model-" + i, (double) (11 - i) * 2);
        }
        return ModelLags.of("eci", "bench", "bench", months);
    }
}
