package dev.gapwise.gap.study;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.epoch.ReportAnnotations;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.DiscreteCatchUp;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.RegressionLag;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Epoch AI, "How far behind are open models?" (Cottier, You, Martemianova, Owen; 2024-11-04), re-run on its
 * published inputs with the general methods.
 *
 * <p>Benchmarks (MMLU, GPQA, GSM1k, BBH): systems the report lists as fine-tunes, and any whose name
 * contains "flan", are dropped; SEAL Math scores stand in for GSM1k where present; MMLU keeps only results
 * whose trust flag is present and not negative, GPQA applies the same rule to models from November 2023 on;
 * then method (a) with Epoch's settings, pooled over the four benchmarks in that order.
 *
 * <p>Compute: the report's speculative estimates replace listed values (done by the reader), the two
 * AlphaGo outliers and every system with a base model are dropped, no domain filter is applied, and each
 * group's "top-1 by compute at release" is selected with a kick-start: the overall compute leader at the
 * start of 2018 (AlphaZero) sets the bar an open or closed model must clear to count. On those 2 × 10
 * models: method (a) in its compute variant, and method (e) with a 1000-resample bootstrap.
 */
public final class Epoch2024OpenModels {
    /** The benchmark order of the report's pooled list. */
    public static final List<Benchmark> BENCHMARKS =
            List.of(Benchmarks.MMLU, Benchmarks.GPQA, Benchmarks.GSM1K, Benchmarks.BBH);
    private static final LocalDate TRUST_FROM = LocalDate.of(2023, 11, 1);
    private static final LocalDate KICK_START = LocalDate.of(2018, 1, 1);
    private static final Set<String> COMPUTE_OUTLIERS = Set.of("AlphaGo Master", "AlphaGo Zero");

    private Epoch2024OpenModels() {
    }

    /**
     * Everything the report's figures are made of.
     *
     * @param perBenchmark     method (a) on each benchmark, in the report's order
     * @param pooled           the distribution of all catch-up lags pooled
     * @param computeCatchUp   method (a), compute variant, on the top-1 models
     * @param computeRegression method (e) on the top-1 models
     * @param topOne           the selected top-1 models (closed and open), in date order
     */
    public record Results(List<LagResult> perBenchmark, Summary pooled, Optional<LagResult> computeCatchUp,
                          Optional<LagResult> computeRegression, List<Observation> topOne) {

        /** All catch-up events pooled in the report's order. */
        public List<LagEvent> pooledEvents() {
            return perBenchmark.stream().flatMap(r -> r.events().stream()).toList();
        }

        /** The catch-up in which the named follower caught the named leader, if any. */
        public Optional<LagEvent> event(String leaderName, String followerName) {
            return pooledEvents().stream()
                    .filter(e -> e.leader().name().equals(leaderName) && e.follower().name().equals(followerName))
                    .findFirst();
        }

        /**
         * The report's headline: benchmark lags and the compute lag in one weighted mean, the compute lag
         * weighted by {@code computeWeight} (the notebook passes the lag value itself as its weight).
         */
        public double weightedHeadline(double computeLag, double computeWeight) {
            List<LagEvent> events = pooledEvents();
            double sum = events.stream().mapToDouble(LagEvent::months).sum();
            return (sum + computeLag * computeWeight) / (events.size() + computeWeight);
        }
    }

    /**
     * Runs the study.
     *
     * @param report  the report's benchmark inputs (benchmark and GSM1k tables)
     * @param systems the report's ML-systems snapshot with speculative compute applied, if available
     */
    public static Results run(Dataset report, Optional<Dataset> systems) {
        List<LagResult> perBenchmark = new ArrayList<>();
        for (Benchmark benchmark : BENCHMARKS) {
            Series series = benchmarkSeries(report, benchmark);
            perBenchmark.add(DiscreteCatchUp.epoch2024().measure(series, Comparison.OPEN_VS_CLOSED));
        }
        List<Double> lags = perBenchmark.stream().flatMap(r -> r.events().stream()).map(LagEvent::months).toList();
        Summary pooled = Summary.of(lags);
        Optional<LagResult> computeCatchUp = Optional.empty();
        Optional<LagResult> regression = Optional.empty();
        List<Observation> topOne = List.of();
        if (systems.isPresent()) {
            Series compute = computeSeries(systems.get());
            topOne = topOneAtRelease(compute.observations(), KICK_START);
            List<Observation> closed = topOne.stream().filter(o -> o.model().access() == Access.CLOSED).toList();
            List<Observation> open = topOne.stream().filter(o -> o.model().access() == Access.OPEN).toList();
            computeCatchUp = Optional.of(DiscreteCatchUp.computeVariant()
                    .summarise(compute, Comparison.OPEN_VS_CLOSED, closed, open));
            regression = Optional.of(RegressionLag.epoch2024().summarise(compute, Comparison.OPEN_VS_CLOSED, closed, open));
        }
        return new Results(List.copyOf(perBenchmark), pooled, computeCatchUp, regression, topOne);
    }

    /** One benchmark's series after the report's data preparation. */
    static Series benchmarkSeries(Dataset report, Benchmark benchmark) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (BenchmarkScore score : report.scores(benchmark.id())) {
            values.put(score.modelId(), score.value());
        }
        if (benchmark.equals(Benchmarks.GSM1K)) {
            for (BenchmarkScore score : report.scores("seal_math")) {
                values.put(score.modelId(), score.value());
            }
        }
        List<Observation> observations = new ArrayList<>();
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            Model model = report.model(entry.getKey()).orElseThrow();
            if (model.releaseDate().isEmpty() || excluded(model) || !trusted(model, benchmark)) {
                continue;
            }
            observations.add(new Observation(model, model.releaseDate().get(), entry.getValue()));
        }
        return Series.of(benchmark, report.snapshot(), observations);
    }

    private static boolean excluded(Model model) {
        return model.attribute(ReportAnnotations.EXCLUDED).isPresent()
                || model.id().toLowerCase(Locale.ROOT).contains("flan");
    }

    private static boolean trusted(Model model, Benchmark benchmark) {
        boolean filtered = benchmark.equals(Benchmarks.MMLU)
                || (benchmark.equals(Benchmarks.GPQA) && !model.releaseDate().orElseThrow().isBefore(TRUST_FROM));
        if (!filtered) {
            return true;
        }
        return model.attribute("trust").map(t -> Double.parseDouble(t) >= 0).orElse(false);
    }

    /** Training compute of the report's systems after its exclusions. */
    static Series computeSeries(Dataset systems) {
        List<Observation> observations = new ArrayList<>();
        for (BenchmarkScore score : systems.scores(Benchmarks.TRAINING_COMPUTE.id())) {
            Model model = systems.model(score.modelId()).orElseThrow();
            if (model.releaseDate().isEmpty() || COMPUTE_OUTLIERS.contains(model.id())
                    || model.attribute("base_model").isPresent()) {
                continue;
            }
            observations.add(new Observation(model, model.releaseDate().get(), score.value()));
        }
        return Series.of(new Benchmark("training_compute", "Training compute (FLOP)", Scale.COMPUTE),
                systems.snapshot(), observations);
    }

    /**
     * "Top-1 by compute at release" per group, with a kick-start: the seed is the overall top-1 (all
     * groups, unknown access included) as of {@code cutoff}; a group's model counts when, among the group's
     * models after the cutoff released by its date plus the seed, it has the most compute. Ties go to the
     * earlier model. Returns both groups' selections after the cutoff, in date order.
     */
    static List<Observation> topOneAtRelease(List<Observation> all, LocalDate cutoff) {
        List<Observation> sorted = all.stream().sorted(Comparator.comparing(Observation::date)).toList();
        Observation seed = null;
        for (Observation observation : sorted) {
            if (observation.date().isAfter(cutoff)) {
                break;
            }
            if (seed == null || observation.value() > seed.value()) {
                seed = observation;
            }
        }
        List<Observation> selected = new ArrayList<>();
        for (Access access : List.of(Access.OPEN, Access.CLOSED)) {
            Observation best = seed;
            Map<LocalDate, Observation> bestByDate = new HashMap<>();
            for (Observation observation : sorted) {
                if (observation.model().access() != access || !observation.date().isAfter(cutoff)) {
                    continue;
                }
                if (best == null || observation.value() > best.value()) {
                    best = observation;
                }
                bestByDate.put(observation.date(), best);
            }
            bestByDate.values().stream().filter(o -> o.model().access() == access && o.date().isAfter(cutoff))
                    .distinct().forEach(selected::add);
        }
        selected.sort(Comparator.comparing(Observation::date));
        return List.copyOf(selected);
    }
}
