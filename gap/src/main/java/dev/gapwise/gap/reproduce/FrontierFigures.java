package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.method.BackwardLag;
import dev.gapwise.gap.method.DiscreteCatchUp;
import dev.gapwise.gap.method.FixedThresholds;
import dev.gapwise.gap.method.HorizontalDistance;
import dev.gapwise.gap.method.LagMethod;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.method.RegressionLag;
import dev.gapwise.gap.method.ScoreGap;
import dev.gapwise.gap.method.ThresholdGrid;
import dev.gapwise.gap.method.Transform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Score gaps and time lags on a benchmark or index from dated model scores (not leaderboards). A gap "at
 * the end of 2023" is the difference of the two frontiers that day; a gap "averaged over dates" is the mean
 * of that difference over every day of the period; a lag uses the method its summary names (horizontal
 * distance, day-by-day, thresholds, catch-up, regression) over the period's models.
 */
final class FrontierFigures {
    private FrontierFigures() {
    }

    static Computation compute(ReferenceFigure figure, List<Dataset> datasets, Optional<Comparison> comparison) {
        String words = figure.words(figure.benchmark());
        if (words.contains("benchmarks")) {
            return new Computation.NotComputable("the figure pools a set of benchmarks ('" + figure.benchmark()
                    + "') that the reference does not list one by one: list their ids in benchmark_or_index joined by '+'");
        }
        if (comparison.isEmpty()) {
            return new Computation.NotComputable("groups '" + figure.comparison() + "' are not a pair Gapwise forms:"
                    + " write open vs closed, US vs China or open vs SOTA, two model names 'A vs B' (for a time lag),"
                    + " or 'top vs k-th ranked' (for a leaderboard score gap)");
        }
        String benchmarkId = Benchmarks.resolveId(figure.benchmark());
        Comparison groups = comparison.get();
        Optional<Dataset> dataset = FigureInterpreter.nearest(imported(datasets), figure, d -> usable(d, benchmarkId, groups))
                .or(() -> FigureInterpreter.nearest(datasets, figure, d -> usable(d, benchmarkId, groups)));
        if (dataset.isEmpty()) {
            boolean scored = datasets.stream().anyMatch(d -> d.benchmark(benchmarkId).isPresent());
            return new Computation.NotComputable(scored
                    ? "no dataset scores '" + figure.benchmark() + "' for both " + groups.leader().label() + " and "
                    + groups.follower().label() + " models"
                    : "no dataset in the data scores '" + figure.benchmark() + "'");
        }
        Optional<Period> period = Period.parse(figure.asOf());
        if (period.isEmpty()) {
            return new Computation.NotComputable("cannot read the date or period '" + figure.asOf()
                    + "': write YYYY-MM-DD, YYYY-MM, 'end of YYYY' or 'A to B'");
        }
        Series series = Series.of(dataset.get(), benchmarkId).orElseThrow();
        List<String> notes = new ArrayList<>(FigureInterpreter.newerNote(dataset.get(), figure));
        String metric = figure.words(figure.metric());
        return metric.contains("score gap")
                ? gap(figure, series, groups, period.get(), notes)
                : lag(figure, series, groups, period.get(), notes);
    }

    /** The method a summary names: "day-by-day", "horizontal", "smoothed" threshold grid, "threshold", … */
    static Optional<Method> method(String words) {
        if (words.contains("day-by-day") || words.contains("each day") || words.contains("for each day")) {
            return Optional.of(Method.BACKWARD_LAG);
        }
        if (words.contains("horizontal")) {
            return Optional.of(Method.HORIZONTAL_DISTANCE);
        }
        if (words.contains("smoothed") || words.contains("threshold grid")) {
            return Optional.of(Method.THRESHOLD_GRID);
        }
        if (words.contains("threshold")) {
            return Optional.of(Method.FIXED_THRESHOLDS);
        }
        if (words.contains("regression")) {
            return Optional.of(Method.REGRESSION);
        }
        if (words.contains("catch-up") || words.contains("catch up")) {
            return Optional.of(Method.DISCRETE_CATCH_UP);
        }
        return Optional.empty();
    }

    /** The method with the scale's default settings (the day-by-day one over all the data). */
    static LagMethod methodFor(Method method, Scale scale) {
        Transform transform = Transform.defaultFor(scale);
        double tolerance = Transform.defaultTolerance(scale);
        return switch (method) {
            case DISCRETE_CATCH_UP -> DiscreteCatchUp.forScale(scale, OptionalDouble.empty());
            case FIXED_THRESHOLDS -> FixedThresholds.defaults();
            case HORIZONTAL_DISTANCE -> new HorizontalDistance(tolerance, transform, 200);
            case BACKWARD_LAG -> new BackwardLag(tolerance, transform, Optional.empty(), Optional.empty());
            case REGRESSION -> new RegressionLag(transform, 1000, 43);
            case THRESHOLD_GRID -> ThresholdGrid.defaults();
        };
    }

    private static List<Dataset> imported(List<Dataset> datasets) {
        return datasets.stream().filter(d -> !d.snapshot().origin().equals("bundled")).toList();
    }

    private static boolean usable(Dataset dataset, String benchmarkId, Comparison comparison) {
        return Series.of(dataset, benchmarkId)
                .map(s -> !s.of(comparison.leader()).isEmpty() && !s.of(comparison.follower()).isEmpty())
                .orElse(false);
    }

    private static Computation gap(ReferenceFigure figure, Series series, Comparison comparison, Period period,
                                   List<String> notes) {
        boolean percentagePoints = figure.words(figure.unit()).contains("percentage point")
                && series.benchmark().scale() == Scale.ACCURACY;
        double scale = percentagePoints ? 100 : 1;
        Map<String, Double> values = new LinkedHashMap<>();
        String snapshot = series.snapshot().label();
        if (figure.words(figure.method()).contains("averaged over dates") || figure.words(figure.method()).contains("vertical")) {
            LocalDate end = period.to().isAfter(series.asOf()) ? series.asOf() : period.to();
            Frontier leader = series.frontier(comparison.leader());
            Frontier follower = series.frontier(comparison.follower());
            double sum = 0;
            int days = 0;
            for (LocalDate day = period.from(); !day.isAfter(end); day = day.plusDays(1)) {
                OptionalDouble a = leader.valueAt(day);
                OptionalDouble b = follower.valueAt(day);
                if (a.isPresent() && b.isPresent()) {
                    sum += a.getAsDouble() - b.getAsDouble();
                    days++;
                }
            }
            if (days == 0) {
                return new Computation.NotComputable("no day in " + period.from() + " to " + end + " has both frontiers");
            }
            if (end.isBefore(period.to())) {
                notes.add("the data ends on " + end + ", before the period's end " + period.to());
            }
            values.put("headline", sum / days * scale);
            return new Computation.Computed(values, "mean over " + days + " days of (leader frontier − follower frontier), "
                    + comparison.label(), snapshot, notes);
        }
        Optional<ScoreGap> gap = ScoreGap.atDate(series, comparison, period.to());
        if (gap.isEmpty()) {
            return new Computation.NotComputable("a group has no scored model by " + period.to());
        }
        values.put("headline", figure.words(figure.unit()).startsWith("percent") && !percentagePoints
                ? gap.get().percent() : gap.get().points() * scale);
        notes.add(gap.get().leaderTop().name() + " " + gap.get().leaderTop().score() + " vs "
                + gap.get().followerTop().name() + " " + gap.get().followerTop().score());
        return new Computation.Computed(values, "best released by " + period.to() + ": leader − follower, "
                + comparison.label(), snapshot, notes);
    }

    private static Computation lag(ReferenceFigure figure, Series series, Comparison comparison, Period period,
                                   List<String> notes) {
        String method = figure.words(figure.method());
        Scale scale = series.benchmark().scale();
        Transform transform = Transform.defaultFor(scale);
        double tolerance = Transform.defaultTolerance(scale);
        boolean window = !period.isDay();
        LagMethod chosen;
        Series used = series;
        Optional<Method> named = method(method);
        if (named.isEmpty()) {
            return new Computation.NotComputable("the method summary names no method Gapwise implements: name"
                    + " catch-up, thresholds, horizontal, day-by-day, regression or smoothed threshold grid");
        }
        if (named.get() == Method.BACKWARD_LAG) {
            chosen = new BackwardLag(tolerance, transform, Optional.of(period.from()), Optional.of(period.to()));
            used = series.filter(o -> !o.date().isAfter(period.to()));
        } else {
            used = window ? series.filter(o -> !o.date().isBefore(period.from()) && !o.date().isAfter(period.to()))
                    : series.filter(o -> !o.date().isAfter(period.to()));
            chosen = methodFor(named.get(), scale);
        }
        LagResult result = chosen.measure(used, comparison);
        if (result.months().isEmpty()) {
            return new Computation.NotComputable(String.join("; ", result.notes()));
        }
        if (period.to().isAfter(series.asOf())) {
            notes.add("the data ends on " + series.asOf() + ", before the period's end " + period.to());
        }
        if (figure.words(figure.value()).contains("ci")) {
            notes.add("the published interval comes from a bootstrap over per-benchmark results; only the point"
                    + " estimate is recomputed");
        }
        notes.addAll(result.notes());
        return new Computation.Computed(Map.of("headline", result.months().getAsDouble()),
                result.method().title() + ", " + comparison.label() + ", " + result.statistic()
                        + (window ? ", models released " + period.from() + " to " + period.to() : ""),
                series.snapshot().label(), notes);
    }
}
