package dev.gapwise.gap.compare;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.catalog.Model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The top model against the k-th over every model of one leaderboard snapshot (not only within a group), in points
 * and as (top − k-th) / k-th × 100, the AI Index's form. Ratings of different kinds are never mixed: a snapshot
 * with the displayed table (or Bradley–Terry ratings) is chosen over online-Elo ratings of the same period, and the
 * result says which kind it used.
 *
 * @param dataset   the data
 * @param board     the snapshot
 * @param k         the rank compared with the top
 * @param top       the top-rated model
 * @param topRating its rating
 * @param kth       the k-th rated model
 * @param kthRating its rating
 * @param choice    which kind of ratings were used, and why
 */
public record RankGap(Dataset dataset, Leaderboard board, int k, Model top, double topRating, Model kth,
                      double kthRating, String choice) {
    public RankGap {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(choice, "choice");
    }

    /** Top − k-th, in rating points. */
    public double points() {
        return topRating - kthRating;
    }

    /** (top − k-th) / k-th × 100. */
    public double percent() {
        return points() / kthRating * 100;
    }

    /** The gap on one snapshot; a snapshot with fewer than k ratings is {@link ModelComparison.Unanswerable}. */
    public static RankGap on(Dataset dataset, Leaderboard board, int k, String choice) {
        if (k < 2) {
            throw new ModelComparison.Unanswerable("rank must be 2 or more, not " + k);
        }
        if (board.entries().size() < k) {
            throw new ModelComparison.Unanswerable("the " + board.board() + " snapshot of " + board.date() + " in "
                    + dataset.snapshot().name() + " rates only " + board.entries().size() + " models; rank " + k
                    + " was asked");
        }
        Leaderboard.Entry first = board.entries().getFirst();
        Leaderboard.Entry kth = board.entries().get(k - 1);
        return new RankGap(dataset, board, k, dataset.model(first.modelId()).orElseThrow(), first.rating(),
                dataset.model(kth.modelId()).orElseThrow(), kth.rating(), choice);
    }

    /** A snapshot and the dataset it belongs to. */
    public record Snapshot(Dataset dataset, Leaderboard board) {
    }

    /**
     * The snapshots of a board dated {@code from} to {@code to}, in date order: the displayed or Bradley–Terry ones
     * when the period has any, else the online-Elo ones. The note says which.
     */
    public static Choice snapshots(List<Dataset> datasets, String boardId, LocalDate from, LocalDate to) {
        List<Snapshot> displayed = new ArrayList<>();
        List<Snapshot> online = new ArrayList<>();
        for (Dataset dataset : datasets) {
            for (Leaderboard board : dataset.leaderboards()) {
                if (!board.board().equals(boardId) || board.date().isBefore(from) || board.date().isAfter(to)) {
                    continue;
                }
                (isOnline(board) ? online : displayed).add(new Snapshot(dataset, board));
            }
        }
        Comparator<Snapshot> byDate = Comparator.comparing(s -> s.board().date());
        displayed.sort(byDate);
        online.sort(byDate);
        if (!displayed.isEmpty()) {
            return new Choice(displayed, "displayed (Bradley-Terry) ratings" + (online.isEmpty() ? ""
                    : "; online-Elo ratings of the same period exist and were not used"));
        }
        return new Choice(online, online.isEmpty() ? "no snapshot"
                : "online-Elo ratings: the only kind in this period, a different scale from the displayed table");
    }

    /**
     * Snapshots of one kind with the note saying which kind.
     *
     * @param snapshots in date order
     * @param note      which kind of ratings, and why
     */
    public record Choice(List<Snapshot> snapshots, String note) {
        public Choice {
            snapshots = List.copyOf(snapshots);
        }
    }

    /** The latest snapshot on or before {@code date}, displayed ratings preferred over online ones of that date's period. */
    public static RankGap latest(List<Dataset> datasets, String boardId, LocalDate date, int k) {
        Choice choice = snapshots(datasets, boardId, LocalDate.MIN, date);
        if (choice.snapshots().isEmpty()) {
            throw new ModelComparison.Unanswerable("no " + boardId + " snapshot on or before " + date);
        }
        Snapshot last = choice.snapshots().getLast();
        return on(last.dataset(), last.board(), k, choice.note());
    }

    static boolean isOnline(Leaderboard board) {
        return board.ratingKind().toLowerCase(Locale.ROOT).contains("online");
    }
}
