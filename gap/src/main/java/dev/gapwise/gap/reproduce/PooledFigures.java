package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.compare.PooledLag;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.stats.Summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A time lag pooled over a list of benchmarks ("GPQA Diamond + MATH Level 5 + SWE-bench Verified"), with any method
 * the summary names, through {@link PooledLag}. A figure that pools "8 private benchmarks" without naming them gets a
 * reason saying so — the reference file can list them, the code will not guess them.
 */
final class PooledFigures {
    private static final Pattern COUNTED = Pattern.compile("\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten)"
            + "(?: [a-z-]+)? benchmarks\\b");

    private PooledFigures() {
    }

    /** The benchmark ids a field lists ("MMLU+GPQA+BBH", "mmlu, gpqa"), when it lists two or more. */
    static List<String> listed(String field) {
        String stripped = field.replaceAll("\\([^)]*\\)", " ");
        String[] parts = stripped.split("\\s*(?:\\+|;|,|\\band\\b)\\s*");
        return parts.length < 2 ? List.of() : Arrays.stream(parts).map(String::strip).filter(p -> !p.isEmpty())
                .map(Benchmarks::resolveId).toList();
    }

    static Optional<Computation> compute(ReferenceFigure figure, List<Dataset> datasets,
                                         Optional<Comparison> comparison) {
        if (!figure.words(figure.metric()).contains("time lag")) {
            return Optional.empty();
        }
        String field = figure.benchmark();
        List<String> benchmarks = listed(field);
        if (benchmarks.isEmpty()) {
            if (COUNTED.matcher(field.toLowerCase(java.util.Locale.ROOT)).find()) {
                return Optional.of(new Computation.NotComputable("the figure pools '" + field + "' but the reference"
                        + " row does not name them: list their ids in benchmark_or_index joined by '+' (e.g."
                        + " gpqa_diamond+math_level_5+swe_bench_verified)"));
            }
            return Optional.empty();
        }
        if (comparison.isEmpty()) {
            return Optional.of(new Computation.NotComputable("groups '" + figure.comparison() + "' are not a pair"
                    + " Gapwise forms: write open vs closed, US vs China or open vs SOTA"));
        }
        Optional<Method> method = FrontierFigures.method(figure.words(figure.method()));
        if (method.isEmpty()) {
            return Optional.of(new Computation.NotComputable("the method summary names no method Gapwise implements:"
                    + " name catch-up, thresholds, horizontal, day-by-day, regression or smoothed threshold grid"));
        }
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> snapshots = new ArrayList<>();
        for (String benchmark : benchmarks) {
            Optional<Dataset> dataset = FigureInterpreter.nearest(datasets, figure, d -> Series.of(d, benchmark)
                    .map(s -> !s.of(comparison.get().leader()).isEmpty() && !s.of(comparison.get().follower()).isEmpty())
                    .orElse(false));
            if (dataset.isEmpty()) {
                return Optional.of(new Computation.NotComputable("benchmark '" + benchmark + "' of the list is in no"
                        + " dataset with both " + comparison.get().leader().label() + " and "
                        + comparison.get().follower().label() + " models"));
            }
            series.add(Series.of(dataset.get(), benchmark).orElseThrow());
            snapshots.add(benchmark + ": " + dataset.get().snapshot().label());
            notes.addAll(FigureInterpreter.newerNote(dataset.get(), figure));
        }
        PooledLag pooled = PooledLag.run(series, comparison.get(), method.get(),
                s -> FrontierFigures.methodFor(method.get(), s.benchmark().scale()));
        Optional<Summary> summary = pooled.summary();
        if (summary.isEmpty()) {
            return Optional.of(new Computation.NotComputable("no benchmark of the list gave a " + method.get().title()
                    + " result"));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        boolean median = figure.words(figure.unit(), figure.value()).matches("(?s).*\\bmedian\\b.*")
                && !figure.words(figure.unit(), figure.value()).contains("mean");
        values.put("headline", median ? summary.get().median() : summary.get().mean());
        values.put("mean", summary.get().mean());
        values.put("median", summary.get().median());
        values.put("p5", summary.get().p5());
        values.put("p95", summary.get().p95());
        return Optional.of(new Computation.Computed(values, method.get().title() + " pooled over "
                + benchmarks.size() + " benchmarks (" + summary.get().count() + " " + pooled.unit() + " lags), "
                + comparison.get().label(), String.join("; ", snapshots), notes));
    }
}
