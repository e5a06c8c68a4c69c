package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.method.ScoreGap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** {@code gapwise gap arena}: score gaps on leaderboard snapshots (Arena), one snapshot or all of them. */
@Command(name = "arena", mixinStandardHelpOptions = true,
        description = {"Score gaps on leaderboard snapshots: the top-rated model of each group and the gap in points",
                "and as (A - B) / B x 100, plus each group's top vs its k-th model. Ratings are compared only",
                "within one snapshot, and online-Elo snapshots are marked as such."})
final class ArenaCommand implements Runnable {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--source", paramLabel = "NAME", description = "Dataset with leaderboards (default: every one).")
    String source;

    @Option(names = "--date", paramLabel = "DATE",
            description = "Snapshot on or before DATE (default: the latest); ignored with --all.")
    String date;

    @Option(names = "--all", description = "One line per snapshot instead of one snapshot in detail.")
    boolean all;

    @Option(names = {"-g", "--groups"}, defaultValue = "open-vs-closed", paramLabel = "PAIR",
            description = "open-vs-closed, china-vs-us or open-vs-sota (default: ${DEFAULT-VALUE}).")
    String groups;

    @Option(names = "--rank", defaultValue = "10", paramLabel = "K", description = "k for top vs k-th (default: ${DEFAULT-VALUE}).")
    int rank;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Comparison comparison = Comparison.preset(groups).orElseThrow(() -> new UserException("unknown group pair '"
                + groups + "'; use open-vs-closed, china-vs-us or open-vs-sota"));
        if (rank < 2) {
            throw new UserException("--rank must be 2 or more, not " + rank);
        }
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        List<Dataset> boards = catalog.datasets().stream().filter(d -> !d.leaderboards().isEmpty())
                .filter(d -> source == null || d.snapshot().name().equalsIgnoreCase(source)).toList();
        if (boards.isEmpty()) {
            throw new UserException(source == null
                    ? "no leaderboard snapshots in the data; import LMArena tables with --data DIR"
                    : "no dataset named '" + source + "' with leaderboard snapshots");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (all) {
            for (Dataset dataset : boards) {
                out.println(dataset.snapshot().label() + ", " + comparison.label() + ":");
                for (Leaderboard board : dataset.leaderboards()) {
                    ScoreGap.onLeaderboard(dataset, board, comparison).ifPresent(gap -> out.println("  " + line(board, gap)));
                }
            }
            return;
        }
        LocalDate upTo = parse(date);
        Dataset dataset = null;
        Leaderboard chosen = null;
        for (Dataset candidate : boards) {
            for (Leaderboard board : candidate.leaderboards()) {
                if (!board.date().isAfter(upTo) && (chosen == null || board.date().isAfter(chosen.date()))) {
                    chosen = board;
                    dataset = candidate;
                }
            }
        }
        if (chosen == null) {
            throw new UserException("no snapshot on or before " + upTo);
        }
        Dataset picked = dataset;
        Leaderboard board = chosen;
        out.println("Snapshot " + board.date() + " of " + picked.snapshot().name() + " (" + board.ratingKind()
                + " ratings, " + board.entries().size() + " models; "
                + dev.gapwise.gap.Freshness.line(board.date(), LocalDate.now()) + ")");
        ScoreGap.onLeaderboard(picked, board, comparison).ifPresentOrElse(
                gap -> out.println("  " + comparison.label() + ": " + line(board, gap)),
                () -> out.println("  " + comparison.label() + ": a group has no rated model on this snapshot"));
        for (Group group : List.of(comparison.leader(), comparison.follower())) {
            ScoreGap.rankGap(picked, board, group, rank).ifPresentOrElse(
                    gap -> out.println(String.format(Locale.ROOT, "  %s top vs #%d: %s %.1f vs %s %.1f = %.1f points (%.2f%%)",
                            group.label(), rank, gap.leaderTop().name(), gap.leaderTop().score(),
                            gap.followerTop().name(), gap.followerTop().score(), gap.points(), gap.percent())),
                    () -> out.println("  " + group.label() + ": fewer than " + rank + " rated models in "
                            + picked.snapshot().name()));
        }
    }

    private static String line(Leaderboard board, ScoreGap gap) {
        return String.format(Locale.ROOT, "%s  %s %.2f vs %s %.2f = %.2f points, %.2f%%%s", board.date(),
                gap.leaderTop().name(), gap.leaderTop().score(), gap.followerTop().name(), gap.followerTop().score(),
                gap.points(), gap.percent(), board.ratingKind().contains("online") ? "  (online Elo)" : "");
    }

    private static LocalDate parse(String text) {
        if (text == null) {
            return LocalDate.MAX;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserException("--date '" + text + "' is not a date; write YYYY-MM-DD");
        }
    }
}
