package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.stats.Rounding;
import dev.gapwise.gap.stats.Summary;
import dev.gapwise.gap.study.Epoch2024OpenModels;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Figures of Epoch AI's 2024 report "How far behind are open models?", recomputed with {@link
 * Epoch2024OpenModels} when the report's input tables are in the data and the figure was published within a
 * year of them. Which number a figure is — one benchmark's mean, the pooled distribution, one named
 * catch-up, the compute lags, the growth rate, the weighted headline — is read from its benchmark,
 * comparison and method words.
 */
final class Epoch2024Figures {
    private static final String STUDY = "Epoch 2024 study (report's filters: fine-tunes and 'flan' dropped, SEAL Math"
            + " for GSM1k, trust flags on MMLU/GPQA)";

    private static final List<String> STUDY_BENCHMARKS = List.of("mmlu", "gpqa", "gsm1k", "bbh", "compute", "benchmarks");

    private Epoch2024Figures() {
    }

    static Optional<Computation> compute(ReferenceFigure figure, List<Dataset> datasets) {
        String metric = figure.metric().toLowerCase(Locale.ROOT);
        if (!(metric.contains("time lag") || metric.contains("growth rate"))
                || !figure.words(figure.source()).contains("epoch")) {
            return Optional.empty();
        }
        String benchmarkWords = figure.words(figure.benchmark());
        boolean studyBenchmark = STUDY_BENCHMARKS.stream().anyMatch(benchmarkWords::contains)
                || benchmarkWords.contains("pooled"); // "all 4 benchmarks pooled": the study's pooled lags
        Optional<Comparison> groups = FigureInterpreter.comparison(figure.comparison());
        boolean studyGroups = groups.map(g -> g.equals(Comparison.OPEN_VS_CLOSED))
                .orElse(figure.comparison().contains(" vs ") && !figure.words(figure.comparison()).matches(".*(chin|us\\b).*"));
        if (!studyBenchmark || !studyGroups) {
            return Optional.empty();
        }
        Optional<Dataset> report = datasets.stream()
                .filter(d -> d.benchmark("gsm1k").isPresent() && d.benchmark("seal_math").isPresent())
                .filter(d -> !d.snapshot().date().isAfter(figure.published())
                        && ChronoUnit.DAYS.between(d.snapshot().date(), figure.published()) <= 365)
                .findFirst();
        if (report.isEmpty()) {
            return Optional.empty();
        }
        String benchmark = figure.words(figure.benchmark());
        boolean compute = benchmark.contains("compute");
        Optional<Dataset> systems = FigureInterpreter.nearest(datasets, figure,
                d -> d.benchmark("training_compute").isPresent()
                        && d.models().stream().anyMatch(m -> m.attribute("compute_basis").isPresent()));
        if (compute && systems.isEmpty()) {
            return Optional.of(new Computation.NotComputable("the report's compute figures need its ML-systems snapshot"
                    + " with the speculative compute estimates beside it"));
        }
        Epoch2024OpenModels.Results results = Epoch2024OpenModels.run(report.get(), systems);
        String snapshot = report.get().snapshot().label() + systems.map(s -> " + " + s.snapshot().label()).orElse("");
        return Optional.of(select(figure, results, benchmark, snapshot));
    }

    private static Computation select(ReferenceFigure figure, Epoch2024OpenModels.Results results, String benchmark,
                                      String snapshot) {
        Map<String, Double> values = new LinkedHashMap<>();
        String metric = figure.metric().toLowerCase(Locale.ROOT);
        String method = figure.words(figure.method());
        if (benchmark.contains("benchmarks") && benchmark.contains("compute")) {
            LagResult regression = results.computeRegression().orElseThrow();
            double computeLag = Math.rint(regressionHeadline(regression));
            double weighted = results.weightedHeadline(computeLag, computeLag);
            values.put("weighted", weighted);
            values.put("headline", weighted);
            return new Computation.Computed(values, "weighted mean of the 13 benchmark lags and the compute lag ("
                    + Rounding.format(computeLag, 0) + " months, weighted by its own value as the notebook does)",
                    snapshot, List.of());
        }
        if (metric.contains("growth rate")) {
            LagResult regression = results.computeRegression().orElseThrow();
            values.put("headline", regression.extra().get("growth_per_year_equal"));
            return new Computation.Computed(values, "(e) equal-slopes fit of log10 FLOP on date, top-1 models;"
                    + " growth = 10^(slope × 365) per year", snapshot, List.of());
        }
        if (benchmark.contains("compute")) {
            if (method.contains("regression")) {
                LagResult regression = results.computeRegression().orElseThrow();
                values.put("headline", regressionHeadline(regression));
                values.put("separate", regression.extra().get("separate_slopes_months"));
                values.put("equal", regression.extra().get("equal_slopes_months"));
                values.put("ci5", Rounding.numpy(regression.extra().get("equal_slopes_ci5"), 2));
                values.put("ci95", Rounding.numpy(regression.extra().get("equal_slopes_ci95"), 2));
                return new Computation.Computed(values, "(e) regression lag on the 20 top-1 models; headline = mean of"
                        + " separate- and equal-slope lags; interval = 1000-resample bootstrap (PCG64 seed 43),"
                        + " printed via the notebook's 2-decimal table", snapshot, List.of());
            }
            LagResult catchUp = results.computeCatchUp().orElseThrow();
            putSummary(values, catchUp.summary().orElseThrow());
            return new Computation.Computed(values, "(a) compute variant: each closed top-1 model matched by the first"
                    + " open top-1 model with at least its FLOP", snapshot, List.of());
        }
        Optional<LagEvent> named = results.pooledEvents().stream()
                .filter(e -> figure.words(figure.comparison()).contains(e.leader().name().toLowerCase(Locale.ROOT))
                        && figure.words(figure.comparison()).contains(e.follower().name().toLowerCase(Locale.ROOT)))
                .findFirst();
        if (named.isPresent()) {
            values.put("headline", named.get().months());
            return new Computation.Computed(values, "(a) discrete catch-up: " + named.get().follower().name()
                    + " catching " + named.get().leader().name() + "; " + STUDY, snapshot, List.of());
        }
        List<LagResult> mentioned = results.perBenchmark().stream()
                .filter(r -> mentions(benchmark, r.benchmark())).toList();
        Optional<LagResult> single = mentioned.size() == 1 ? Optional.of(mentioned.getFirst()) : Optional.empty();
        if (single.isPresent() && !(benchmark.contains("+") || benchmark.contains("pooled"))) {
            putSummary(values, single.get().summary().orElseThrow());
            return new Computation.Computed(values, "(a) discrete catch-up on " + single.get().benchmark().displayName()
                    + ", mean of " + single.get().events().size() + "; " + STUDY, snapshot, List.of());
        }
        putSummary(values, results.pooled());
        return new Computation.Computed(values, "(a) discrete catch-up, " + results.pooled().count()
                + " lags pooled over MMLU, GPQA, GSM1k, BBH; " + STUDY, snapshot, List.of());
    }

    private static boolean mentions(String words, Benchmark benchmark) {
        return (" " + words.replaceAll("[^a-z0-9]+", " ") + " ").contains(" " + benchmark.id() + " ");
    }

    private static double regressionHeadline(LagResult regression) {
        return (regression.extra().get("separate_slopes_months") + regression.extra().get("equal_slopes_months")) / 2;
    }

    private static void putSummary(Map<String, Double> values, Summary summary) {
        values.put("headline", summary.mean());
        values.put("mean", summary.mean());
        values.put("median", summary.median());
        values.put("p5", summary.p5());
        values.put("p95", summary.p95());
    }
}
