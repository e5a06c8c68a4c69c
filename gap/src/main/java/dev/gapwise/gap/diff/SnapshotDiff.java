package dev.gapwise.gap.diff;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lags of an old and a new snapshot of one benchmark, with the change split in two: each method is also run on
 * the new snapshot restricted to the models the old one had, so "refitted scores" is that run minus the old lag and
 * "new models" is the new lag minus that run. Models are matched by id (Epoch's model version). Stateless.
 */
public final class SnapshotDiff {
    private SnapshotDiff() {
    }

    /**
     * One method and group pair.
     *
     * @param comparison the groups
     * @param method     the method
     * @param before     the lag on the old snapshot
     * @param refitted   the lag on the new snapshot's scores of the old snapshot's models
     * @param after      the lag on the new snapshot
     */
    public record Row(Comparison comparison, Method method, OptionalDouble before, OptionalDouble refitted,
                      OptionalDouble after) {
        /** after − before. */
        public OptionalDouble change() {
            return difference(after, before);
        }

        /** The part of the change the re-scored old models explain. */
        public OptionalDouble fromRefit() {
            return difference(refitted, before);
        }

        /** The part of the change the added models explain. */
        public OptionalDouble fromNewModels() {
            return difference(after, refitted);
        }

        private static OptionalDouble difference(OptionalDouble a, OptionalDouble b) {
            return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() - b.getAsDouble())
                    : OptionalDouble.empty();
        }
    }

    /**
     * A model scored in both snapshots whose score moved.
     *
     * @param model  the model (as the new snapshot describes it)
     * @param before its old score
     * @param after  its new score
     */
    public record Moved(Model model, double before, double after) {
        public double change() {
            return after - before;
        }
    }

    /**
     * The whole comparison.
     *
     * @param before    the old series
     * @param after     the new series
     * @param rows      one row per group pair and method
     * @param added     models scored in the new snapshot only, newest release first
     * @param removed   models scored in the old snapshot only
     * @param moved     models scored in both whose score changed, largest change first
     */
    public record Report(Series before, Series after, List<Row> rows, List<Model> added, List<Model> removed,
                         List<Moved> moved) {
        public Report {
            Objects.requireNonNull(before, "before");
            rows = List.copyOf(rows);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            moved = List.copyOf(moved);
        }
    }

    /** Compares two datasets on one benchmark with the request's group pairs and methods. */
    public static Report run(Dataset before, Dataset after, GapRequest request) {
        String benchmark = dev.gapwise.catalog.Benchmarks.resolveId(request.benchmark());
        Series old = Series.of(before, benchmark).orElseThrow(() -> new GapAnalysis.UnanswerableException(
                "the old data (" + before.snapshot().label() + ") has no benchmark '" + request.benchmark() + "'"));
        Series now = Series.of(after, benchmark).orElseThrow(() -> new GapAnalysis.UnanswerableException(
                "the new data (" + after.snapshot().label() + ") has no benchmark '" + request.benchmark() + "'"));
        Set<String> oldIds = old.observations().stream().map(o -> o.model().id()).collect(Collectors.toSet());
        Series refit = now.filter(o -> oldIds.contains(o.model().id()));
        List<Row> rows = new ArrayList<>();
        for (Comparison comparison : request.comparisons()) {
            for (Method method : request.methods()) {
                rows.add(new Row(comparison, method, lag(old, comparison, method, request),
                        lag(refit, comparison, method, request), lag(now, comparison, method, request)));
            }
        }
        Map<String, Double> oldScores = scores(before, benchmark);
        Map<String, Double> newScores = scores(after, benchmark);
        List<Model> added = now.observations().stream().filter(o -> !oldScores.containsKey(o.model().id()))
                .sorted(Comparator.comparing((dev.gapwise.gap.Observation o) -> o.date()).reversed())
                .map(dev.gapwise.gap.Observation::model).distinct().toList();
        List<Model> removed = old.observations().stream().filter(o -> !newScores.containsKey(o.model().id()))
                .map(dev.gapwise.gap.Observation::model).distinct().toList();
        List<Moved> moved = new ArrayList<>();
        for (var observation : now.observations()) {
            Double was = oldScores.get(observation.model().id());
            if (was != null && Math.abs(was - observation.value()) > 1e-9) {
                moved.add(new Moved(observation.model(), was, observation.value()));
            }
        }
        moved.sort(Comparator.comparingDouble((Moved m) -> Math.abs(m.change())).reversed());
        return new Report(old, now, rows, added, removed, moved);
    }

    private static OptionalDouble lag(Series series, Comparison comparison, Method method, GapRequest request) {
        if (series.of(comparison.leader()).isEmpty() || series.of(comparison.follower()).isEmpty()) {
            return OptionalDouble.empty();
        }
        LagResult result = GapAnalysis.method(method, series, request).measure(series, comparison);
        return result.months();
    }

    private static Map<String, Double> scores(Dataset dataset, String benchmark) {
        Map<String, Double> scores = new HashMap<>();
        for (BenchmarkScore score : dataset.scores(benchmark)) {
            scores.merge(score.modelId(), score.value(), Math::max);
        }
        return scores;
    }
}
