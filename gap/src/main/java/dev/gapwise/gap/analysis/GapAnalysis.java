package dev.gapwise.gap.analysis;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.BackwardLag;
import dev.gapwise.gap.method.DiscreteCatchUp;
import dev.gapwise.gap.method.FixedThresholds;
import dev.gapwise.gap.method.HorizontalDistance;
import dev.gapwise.gap.method.LagMethod;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.method.RegressionLag;
import dev.gapwise.gap.method.ScoreGap;
import dev.gapwise.gap.method.ThresholdGrid;
import dev.gapwise.gap.method.Transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs a {@link GapRequest} against a catalog. Stateless and thread-safe. */
public final class GapAnalysis {
    private GapAnalysis() {
    }

    /** A request the data cannot answer (unknown benchmark or source, empty group, …). */
    public static final class UnanswerableException extends RuntimeException {
        public UnanswerableException(String message) {
            super(message);
        }
    }

    /** Runs the request; an unknown benchmark or source, or an empty group, is an {@link UnanswerableException}. */
    public static GapReport run(Catalog catalog, GapRequest request) {
        Dataset dataset = dataset(catalog, request);
        String benchmarkId = Benchmarks.resolveId(request.benchmark());
        Series series = Series.of(dataset, benchmarkId).orElseThrow();
        if (request.from().isPresent() || request.to().isPresent()) {
            series = series.filter(o -> request.from().map(f -> !o.date().isBefore(f)).orElse(true)
                    && request.to().map(t -> !o.date().isAfter(t)).orElse(true));
        }
        List<GapReport.Section> sections = new ArrayList<>();
        for (Comparison comparison : request.comparisons()) {
            int leaders = series.of(comparison.leader()).size();
            int followers = series.of(comparison.follower()).size();
            if (leaders == 0 || followers == 0) {
                throw new UnanswerableException("group '" + (leaders == 0 ? comparison.leader() : comparison.follower())
                        + "' has no model with both a score on " + series.benchmark().displayName() + " and a release date in "
                        + dataset.snapshot().label());
            }
            List<LagResult> lags = new ArrayList<>();
            for (Method method : request.methods()) {
                lags.add(method(method, series, request).measure(series, comparison));
            }
            Transform transform = Transform.defaultFor(series.benchmark().scale());
            double tolerance = request.tolerance().orElse(Transform.defaultTolerance(series.benchmark().scale()));
            sections.add(new GapReport.Section(comparison, leaders, followers,
                    ScoreGap.atDate(series, comparison, request.to().orElse(series.asOf())), lags,
                    LagOverTime.halfYears(series, comparison, tolerance, transform)));
        }
        return new GapReport(series.benchmark(), dataset.snapshot(), series, sections);
    }

    /** The method object for a request's settings. */
    public static LagMethod method(Method method, Series series, GapRequest request) {
        var scale = series.benchmark().scale();
        Transform transform = Transform.defaultFor(scale);
        double tolerance = request.tolerance().orElse(Transform.defaultTolerance(scale));
        return switch (method) {
            case DISCRETE_CATCH_UP -> DiscreteCatchUp.forScale(scale, request.tolerance());
            case FIXED_THRESHOLDS -> new FixedThresholds(request.levels());
            case HORIZONTAL_DISTANCE -> new HorizontalDistance(tolerance, transform, 200);
            case BACKWARD_LAG -> new BackwardLag(tolerance, transform, request.from(), request.to());
            case REGRESSION -> new RegressionLag(transform, 1000, 43);
            case THRESHOLD_GRID -> new ThresholdGrid(request.levels(), 3.0);
        };
    }

    private static Dataset dataset(Catalog catalog, GapRequest request) {
        String benchmarkId = Benchmarks.resolveId(request.benchmark());
        if (request.source().isPresent()) {
            String name = request.source().get();
            Dataset dataset = catalog.dataset(name).orElseThrow(() -> new UnanswerableException("no data source named '"
                    + name + "'; sources: " + catalog.datasets().stream().map(d -> d.snapshot().name())
                    .collect(Collectors.joining(", "))));
            if (dataset.benchmark(benchmarkId).isEmpty()) {
                throw new UnanswerableException("source '" + name + "' has no benchmark '" + request.benchmark()
                        + "'; it has: " + dataset.benchmarks().stream().map(b -> b.id()).collect(Collectors.joining(", ")));
            }
            return dataset;
        }
        Optional<Dataset> preferred = datasetFor(catalog, benchmarkId);
        if (preferred.isEmpty()) {
            List<String> known = catalog.datasets().stream().flatMap(d -> d.benchmarks().stream()).map(b -> b.id())
                    .distinct().sorted().toList();
            throw new UnanswerableException("unknown benchmark '" + request.benchmark() + "'; the data has: "
                    + String.join(", ", known));
        }
        return preferred.get();
    }

    /**
     * The dataset a benchmark is taken from when no source is named: imported data before the bundled catalog
     * (a user who passes --data wants it used), newest snapshot first; empty when no dataset scores it.
     */
    public static Optional<Dataset> datasetFor(Catalog catalog, String benchmarkId) {
        return catalog.datasetsWith(benchmarkId).stream()
                .sorted(java.util.Comparator.comparing((Dataset d) -> d.snapshot().origin().equals("bundled")))
                .findFirst();
    }

    /** Used by callers to name the chosen dataset before running. */
    public static Optional<Dataset> chosenDataset(Catalog catalog, GapRequest request) {
        try {
            return Optional.of(dataset(catalog, request));
        } catch (UnanswerableException e) {
            return Optional.empty();
        }
    }
}
