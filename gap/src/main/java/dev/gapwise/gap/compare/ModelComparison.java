package dev.gapwise.gap.compare;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.Months;
import dev.gapwise.gap.method.Transform;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A named model against a named model on one benchmark or index: did the later model reach the earlier one's
 * score, and how many months later. "Reached" means within the tolerance on the comparison scale (Epoch's 0.02
 * nats on -ln(1 − accuracy) for accuracies, none otherwise) — or not significantly different at 90 % when both
 * scores carry a standard error: |a − b| ≤ 1.645 √(se_a² + se_b²). The lag is the later release date minus the
 * earlier; when the later model has not reached the earlier one's score there is no lag, only the gap.
 *
 * @param benchmark   the benchmark or index
 * @param dataset     the data the scores come from
 * @param leader      the earlier model, whose score is the target
 * @param follower    the later model
 * @param leaderScore its score
 * @param followerScore the follower's score
 * @param tolerance   the tolerance on the comparison scale
 * @param reached     the follower's score is within the tolerance of the leader's or above it
 * @param notSignificantlyDifferent whether the two scores differ by less than their stated uncertainty; empty when
 *                    either score states none
 * @param months      follower date − leader date, when reached or not significantly different
 */
public record ModelComparison(Benchmark benchmark, String dataset, Model leader, Model follower,
                              BenchmarkScore leaderScore, BenchmarkScore followerScore, double tolerance,
                              boolean reached, Optional<Boolean> notSignificantlyDifferent, OptionalDouble months) {
    /** z for a two-sided 90 % interval. */
    static final double Z90 = 1.645;

    public ModelComparison {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(follower, "follower");
    }

    /** What went wrong when two models cannot be compared: one line naming the missing piece. */
    public static final class Unanswerable extends RuntimeException {
        public Unanswerable(String message) {
            super(message);
        }
    }

    /**
     * Compares two models named in any order on a benchmark, using the first dataset (in the given order) that
     * scores both and dates both — a dataset naming both exactly before one that matches a name only without its
     * parentheses; the earlier-released one is the leader.
     *
     * @param tolerance the tolerance on the comparison scale; empty for the scale's default
     */
    public static ModelComparison of(List<Dataset> datasets, String benchmarkId, String first, String second,
                                     OptionalDouble tolerance) {
        Dataset scoring = null;
        for (boolean exactOnly : new boolean[] {true, false}) {
            for (Dataset dataset : datasets) {
                if (dataset.benchmark(benchmarkId).isEmpty()) {
                    continue;
                }
                Optional<Model> a = ModelLookup.find(dataset, first, exactOnly);
                Optional<Model> b = ModelLookup.find(dataset, second, exactOnly);
                if (a.isPresent() && b.isPresent() && usable(dataset, a.get(), benchmarkId)
                        && usable(dataset, b.get(), benchmarkId)) {
                    return compare(dataset, benchmarkId, a.get(), b.get(), tolerance);
                }
                if (scoring == null) {
                    scoring = dataset;
                }
            }
        }
        if (scoring == null) {
            throw new Unanswerable("no dataset scores '" + benchmarkId + "'");
        }
        for (String name : List.of(first, second)) {
            Optional<Model> model = ModelLookup.find(scoring, name);
            if (model.isEmpty()) {
                List<String> close = ModelLookup.suggestions(scoring, name, 5);
                throw new Unanswerable("no model named '" + name + "' in " + scoring.snapshot().name() + " (which scores "
                        + benchmarkId + ")" + (close.isEmpty() ? "" : "; similar names: " + String.join(", ", close)));
            }
            if (score(scoring, model.get(), benchmarkId).isEmpty()) {
                throw new Unanswerable("'" + name + "' has no " + benchmarkId + " score in " + scoring.snapshot().name());
            }
        }
        throw new Unanswerable("no single dataset scores both '" + first + "' and '" + second + "' on " + benchmarkId);
    }

    /** Compares two models of one dataset. */
    public static ModelComparison compare(Dataset dataset, String benchmarkId, Model a, Model b, OptionalDouble tolerance) {
        for (Model model : List.of(a, b)) {
            if (model.releaseDate().isEmpty()) {
                throw new Unanswerable("'" + model.name() + "' has no release date in " + dataset.snapshot().name());
            }
        }
        boolean aFirst = !a.releaseDate().get().isAfter(b.releaseDate().get());
        Model leader = aFirst ? a : b;
        Model follower = aFirst ? b : a;
        Benchmark benchmark = dataset.benchmark(benchmarkId).orElseThrow();
        BenchmarkScore leaderScore = score(dataset, leader, benchmarkId).orElseThrow();
        BenchmarkScore followerScore = score(dataset, follower, benchmarkId).orElseThrow();
        Transform transform = Transform.defaultFor(benchmark.scale());
        double tol = tolerance.orElse(Transform.defaultTolerance(benchmark.scale()));
        boolean reached = transform.apply(followerScore.value()) >= transform.apply(leaderScore.value()) - tol;
        Optional<Boolean> same = Optional.empty();
        if (leaderScore.stderr().isPresent() && followerScore.stderr().isPresent()) {
            double margin = Z90 * Math.hypot(leaderScore.stderr().getAsDouble(), followerScore.stderr().getAsDouble());
            same = Optional.of(Math.abs(leaderScore.value() - followerScore.value()) <= margin);
        }
        LocalDate from = leader.releaseDate().get();
        LocalDate to = follower.releaseDate().get();
        OptionalDouble months = reached || same.orElse(false) ? OptionalDouble.of(Months.between(from, to))
                : OptionalDouble.empty();
        return new ModelComparison(benchmark, dataset.snapshot().label(), leader, follower, leaderScore, followerScore,
                tol, reached, same, months);
    }

    /** One sentence with the numbers. */
    public String describe() {
        String scores = follower.name() + " (" + follower.releaseDate().orElseThrow() + ", " + followerScore.value()
                + ") vs " + leader.name() + " (" + leader.releaseDate().orElseThrow() + ", " + leaderScore.value() + ")";
        String significance = notSignificantlyDifferent.map(same -> same
                ? "; not significantly different at 90% given the stated standard errors"
                : "; significantly different at 90% given the stated standard errors").orElse("");
        if (months.isPresent()) {
            return String.format(java.util.Locale.ROOT, "%s reached %s's %s score %.1f months later: %s%s%s",
                    follower.name(), leader.name(), benchmark.displayName(), months.getAsDouble(), scores,
                    reached ? "" : " (below it, but within the uncertainty)", significance);
        }
        return follower.name() + " has not reached " + leader.name() + "'s " + benchmark.displayName() + " score: "
                + scores + significance;
    }

    private static boolean usable(Dataset dataset, Model model, String benchmarkId) {
        return model.releaseDate().isPresent() && score(dataset, model, benchmarkId).isPresent();
    }

    private static Optional<BenchmarkScore> score(Dataset dataset, Model model, String benchmarkId) {
        return dataset.scores(benchmarkId).stream().filter(s -> s.modelId().equals(model.id()))
                .max(java.util.Comparator.comparingDouble(BenchmarkScore::value));
    }
}
