package dev.gapwise.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One published snapshot of a leaderboard: the ratings of the models listed on one date.
 *
 * @param board      which leaderboard, e.g. {@code arena_text}
 * @param date       the snapshot's date
 * @param ratingKind how the ratings were computed (LMArena switched from online Elo to Bradley–Terry in
 *                   2024; ratings of different kinds must not be compared)
 * @param entries    the rated models, best first
 */
public record Leaderboard(String board, LocalDate date, String ratingKind, List<Entry> entries) {

    public Leaderboard {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(ratingKind, "ratingKind");
        entries = entries.stream().sorted(Comparator.comparingDouble(Entry::rating).reversed()).toList();
    }

    /**
     * One model's rating on the snapshot.
     *
     * @param modelId the model's id in the same dataset
     * @param rating  its score
     */
    public record Entry(String modelId, double rating) {
        public Entry {
            Objects.requireNonNull(modelId, "modelId");
        }
    }
}
