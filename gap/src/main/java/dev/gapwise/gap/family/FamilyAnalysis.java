package dev.gapwise.gap.family;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.catalog.Scale;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.method.BackwardLag;
import dev.gapwise.gap.method.DiscreteCatchUp;
import dev.gapwise.gap.method.HorizontalDistance;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.ScoreGap;
import dev.gapwise.gap.method.Transform;
import dev.gapwise.gap.stats.Summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Measures every family of a catalog for several group pairs. How it works: each benchmark of a family is taken
 * from the dataset {@link GapAnalysis#datasetFor} picks (imported before bundled, newest first) and measured on
 * its own — method (d) on the benchmark's last scored release ("lag now"), method (a) catch-ups, method (c), and
 * the frontier gap on that day, each with the scale's default transform and tolerance. A benchmark counts toward
 * its family when both groups have at least {@code minModels} scored models on it and a model was scored on it
 * within {@code maxStaleMonths} of the newest score in the whole report (so "now" is one date for all); a family has numbers for a pair when at least
 * {@code minBenchmarks} benchmarks count. The numbers are medians over the counted benchmarks (the catch-ups
 * pooled), so one benchmark cannot dominate. Stateless.
 */
public final class FamilyAnalysis {
    private FamilyAnalysis() {
    }

    /**
     * What counts as enough data.
     *
     * @param minBenchmarks  benchmarks a family needs for a number
     * @param minModels      scored models each group needs on a benchmark for it to count
     * @param maxStaleMonths a benchmark whose newest score is this much older than the report's newest is stale
     */
    public record Settings(int minBenchmarks, int minModels, int maxStaleMonths) {
        public Settings {
            if (minBenchmarks < 1 || minModels < 1 || maxStaleMonths < 0) {
                throw new IllegalArgumentException("thresholds must be positive: " + minBenchmarks + ", " + minModels
                        + ", " + maxStaleMonths);
            }
        }

        /** Two benchmarks, three models per group, scored within 12 months of the family's newest score. */
        public static Settings defaults() {
            return new Settings(2, 3, 12);
        }
    }

    /** Every family of {@code families} (or only {@code only}) for every group pair. */
    public static FamilyReport run(Catalog catalog, List<TaskFamily> families, List<Comparison> comparisons,
                                   Settings settings) {
        List<FamilyReport.Row> rows = new ArrayList<>();
        Optional<LocalDate> newest = Optional.empty();
        Map<TaskFamily, List<Series>> seriesByFamily = new LinkedHashMap<>();
        Map<TaskFamily, List<String>> missingByFamily = new LinkedHashMap<>();
        for (TaskFamily family : families) {
            List<Series> series = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String benchmark : family.benchmarks()) {
                series(catalog, benchmark).ifPresentOrElse(series::add, () -> missing.add(benchmark));
            }
            seriesByFamily.put(family, series);
            missingByFamily.put(family, missing);
        }
        // "Now" is the newest release scored anywhere in the report: a family measured only on benchmarks nobody
        // has scored for a year says nothing about now, however complete it once was.
        Optional<LocalDate> reportNewest = seriesByFamily.values().stream().flatMap(List::stream)
                .map(FamilyAnalysis::lastRelease).max(LocalDate::compareTo);
        for (TaskFamily family : families) {
            List<FamilyCell> cells = new ArrayList<>();
            for (Comparison comparison : comparisons) {
                cells.add(cell(seriesByFamily.get(family), comparison, settings, reportNewest));
            }
            rows.add(new FamilyReport.Row(family, missingByFamily.get(family), cells));
            for (FamilyCell cell : cells) {
                for (BenchmarkResult result : cell.counted()) {
                    if (newest.isEmpty() || result.end().isAfter(newest.get())) {
                        newest = Optional.of(result.end());
                    }
                }
            }
        }
        return new FamilyReport(comparisons, rows, settings, newest);
    }

    /**
     * The scores of a benchmark from the dataset {@link GapAnalysis#datasetFor} picks, or, for a leaderboard such as
     * the Arena, the newest snapshot with displayed (not online-Elo) ratings of any dataset — whichever reaches the
     * later release.
     */
    static Optional<Series> series(Catalog catalog, String benchmark) {
        Optional<Series> scored = GapAnalysis.datasetFor(catalog, benchmark).flatMap(d -> Series.of(d, benchmark))
                .filter(s -> !s.observations().isEmpty());
        Optional<Series> board = leaderboard(catalog, benchmark);
        if (scored.isPresent() && board.isPresent()) {
            return lastRelease(board.get()).isAfter(lastRelease(scored.get())) ? board : scored;
        }
        return scored.or(() -> board);
    }

    private static Optional<Series> leaderboard(Catalog catalog, String benchmark) {
        Dataset best = null;
        Leaderboard newest = null;
        for (Dataset dataset : catalog.datasets()) {
            for (Leaderboard board : dataset.leaderboards()) {
                if (board.board().equals(benchmark) && !board.ratingKind().toLowerCase(Locale.ROOT).contains("online")
                        && (newest == null || board.date().isAfter(newest.date()))) {
                    newest = board;
                    best = dataset;
                }
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        Benchmark known = Benchmarks.byId(benchmark).orElse(new Benchmark(benchmark, benchmark, Scale.RATING));
        return Optional.of(Series.of(best, newest, known)).filter(s -> !s.observations().isEmpty());
    }

    private static FamilyCell cell(List<Series> seriesList, Comparison comparison, Settings settings,
                                   Optional<LocalDate> familyNewest) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (Series series : seriesList) {
            results.add(measure(series, comparison, settings, familyNewest.orElseThrow()));
        }
        List<BenchmarkResult> counted = results.stream().filter(BenchmarkResult::counts).toList();
        Set<String> leaders = new HashSet<>();
        Set<String> followers = new HashSet<>();
        for (BenchmarkResult result : counted) {
            Series series = seriesList.stream().filter(s -> s.benchmark().equals(result.benchmark())).findFirst()
                    .orElseThrow();
            series.of(comparison.leader()).forEach(o -> leaders.add(identity(o)));
            series.of(comparison.follower()).forEach(o -> followers.add(identity(o)));
        }
        Optional<String> notEnough = Optional.empty();
        if (seriesList.isEmpty()) {
            notEnough = Optional.of("not enough data: no benchmark of the family is in the data");
        } else if (counted.size() < settings.minBenchmarks()) {
            notEnough = Optional.of("not enough data: " + counted.size() + " of " + results.size() + " benchmarks"
                    + " count, " + settings.minBenchmarks() + " needed");
        }
        List<Double> now = counted.stream().flatMap(r -> r.lagNow().stream().boxed()).toList();
        List<Double> horizontal = counted.stream().flatMap(r -> r.horizontal().stream().boxed()).toList();
        List<Double> gaps = counted.stream().flatMap(r -> r.gapPercentagePoints().stream().boxed()).toList();
        List<Double> catchUps = counted.stream().flatMap(r -> r.catchUps().stream()).map(LagEvent::months).toList();
        return new FamilyCell(comparison, results, leaders.size(), followers.size(), median(now),
                catchUps.isEmpty() ? Optional.empty() : Optional.of(Summary.of(catchUps)), median(horizontal),
                median(gaps), notEnough);
    }

    private static BenchmarkResult measure(Series series, Comparison comparison, Settings settings,
                                           LocalDate familyNewest) {
        LocalDate end = lastRelease(series);
        Series upToEnd = series.filter(o -> !o.date().isAfter(end));
        int leaders = (int) series.of(comparison.leader()).stream().map(FamilyAnalysis::identity).distinct().count();
        int followers = (int) series.of(comparison.follower()).stream().map(FamilyAnalysis::identity).distinct().count();
        Optional<String> excluded = Optional.empty();
        if (leaders < settings.minModels() || followers < settings.minModels()) {
            excluded = Optional.of(leaders + " " + comparison.leader().label() + " and " + followers + " "
                    + comparison.follower().label() + " models scored, " + settings.minModels() + " each needed");
        } else if (end.plusMonths(settings.maxStaleMonths()).isBefore(familyNewest)) {
            excluded = Optional.of("stale: no model scored since " + end + " (the newest score in this report is "
                    + familyNewest + ")");
        }
        var scale = series.benchmark().scale();
        Transform transform = Transform.defaultFor(scale);
        double tolerance = Transform.defaultTolerance(scale);
        OptionalDouble now = OptionalDouble.empty();
        List<LagEvent> events = List.of();
        OptionalDouble horizontal = OptionalDouble.empty();
        Optional<ScoreGap> gap = Optional.empty();
        if (leaders > 0 && followers > 0) {
            LagResult daily = new BackwardLag(tolerance, transform, Optional.empty(), Optional.of(end))
                    .measure(upToEnd, comparison);
            Double last = daily.extra().get("lag_on_last_day_months");
            now = last == null ? OptionalDouble.empty() : OptionalDouble.of(last);
            events = DiscreteCatchUp.forScale(scale, OptionalDouble.empty()).measure(upToEnd, comparison).events();
            horizontal = new HorizontalDistance(tolerance, transform, 200).measure(upToEnd, comparison).months();
            gap = ScoreGap.atDate(upToEnd, comparison, end);
        }
        if (excluded.isEmpty() && now.isEmpty()) {
            excluded = Optional.of("method (d) has no lag on " + end + " (the leader was ahead at its first record)");
        }
        return new BenchmarkResult(series.benchmark(), series.snapshot().label(), end, leaders, followers, now, events,
                horizontal, gap, excluded);
    }

    /** The newest release scored on a benchmark. */
    private static LocalDate lastRelease(Series series) {
        return series.observations().getLast().date();
    }

    /** Effort variants of one model ("o3_high", "o3_medium") count once, by the source's model name. */
    static String identity(Observation observation) {
        return observation.model().attribute("model_name").orElse(observation.model().id());
    }

    private static OptionalDouble median(List<Double> values) {
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Summary.percentile(values, 0.5));
    }
}
