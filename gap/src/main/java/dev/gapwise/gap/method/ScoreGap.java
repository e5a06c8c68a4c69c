package dev.gapwise.gap.method;

import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.catalog.Model;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Series;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Score gaps: how far the follower's best trails the leader's best at one moment, in points and relative to
 * the follower's best ((A − B) / B × 100, the AI Index's form). Either on a leaderboard snapshot (the top
 * rated model of each group on that snapshot) or on a benchmark's frontiers at a date (best released by
 * then).
 *
 * @param comparison which groups
 * @param what       benchmark or leaderboard name
 * @param snapshot   data snapshot
 * @param date       the snapshot or frontier date
 * @param leaderTop  the leader's best model and score
 * @param followerTop the follower's best model and score
 */
public record ScoreGap(Comparison comparison, String what, DataSnapshot snapshot, LocalDate date, Top leaderTop,
                       Top followerTop) {

    public ScoreGap {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(leaderTop, "leaderTop");
        Objects.requireNonNull(followerTop, "followerTop");
    }

    /**
     * A group's best model and its score.
     *
     * @param name  model name
     * @param score its score
     */
    public record Top(String name, double score) {
    }

    /** Leader best − follower best, in the benchmark's points. */
    public double points() {
        return leaderTop.score() - followerTop.score();
    }

    /** (leader − follower) / follower × 100. */
    public double percent() {
        return points() / followerTop.score() * 100.0;
    }

    /** The gap on one leaderboard snapshot; empty when either group has no rated model on it. */
    public static Optional<ScoreGap> onLeaderboard(Dataset dataset, Leaderboard board, Comparison comparison) {
        Optional<Top> leader = top(dataset, board, comparison.leader(), 1);
        Optional<Top> follower = top(dataset, board, comparison.follower(), 1);
        if (leader.isEmpty() || follower.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScoreGap(comparison, board.board(), dataset.snapshot(), board.date(), leader.get(),
                follower.get()));
    }

    /** The gap between a group's best and its k-th best on one snapshot (k ≥ 2). */
    public static Optional<ScoreGap> rankGap(Dataset dataset, Leaderboard board, Group group, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        Optional<Top> first = top(dataset, board, group, 1);
        Optional<Top> kth = top(dataset, board, group, k);
        if (first.isEmpty() || kth.isEmpty()) {
            return Optional.empty();
        }
        Group rank = new Group(group.label() + " #" + k, group.expression() + " rank " + k, group.predicate());
        return Optional.of(new ScoreGap(new Comparison("top-vs-" + k, group, rank), board.board(), dataset.snapshot(),
                board.date(), first.get(), kth.get()));
    }

    /** The gap between the frontiers of a benchmark at a date; empty before either group has a model. */
    public static Optional<ScoreGap> atDate(Series series, Comparison comparison, LocalDate date) {
        Frontier leader = series.frontier(comparison.leader());
        Frontier follower = series.frontier(comparison.follower());
        var a = leader.recordAt(date);
        var b = follower.recordAt(date);
        if (a == null || b == null) {
            return Optional.empty();
        }
        return Optional.of(new ScoreGap(comparison, series.benchmark().id(), series.snapshot(), date,
                new Top(a.name(), a.value()), new Top(b.name(), b.value())));
    }

    /** The gap on every snapshot of a dataset's leaderboards that can be compared, in date order. */
    public static List<ScoreGap> overTime(Dataset dataset, Comparison comparison) {
        List<ScoreGap> gaps = new ArrayList<>();
        for (Leaderboard board : dataset.leaderboards()) {
            onLeaderboard(dataset, board, comparison).ifPresent(gaps::add);
        }
        gaps.sort(java.util.Comparator.comparing(ScoreGap::date));
        return gaps;
    }

    private static Optional<Top> top(Dataset dataset, Leaderboard board, Group group, int rank) {
        int seen = 0;
        for (Leaderboard.Entry entry : board.entries()) {
            Model model = dataset.model(entry.modelId()).orElseThrow();
            if (group.contains(model) && ++seen == rank) {
                return Optional.of(new Top(model.name(), entry.rating()));
            }
        }
        return Optional.empty();
    }
}
