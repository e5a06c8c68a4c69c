package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Comparison;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a reference figure's words into a computation. The recipes, tried in order:
 * <ol>
 *   <li>a time lag between two named models ("A vs B", both models of one dataset) ({@link ModelFigures});</li>
 *   <li>figures of Epoch AI's 2024 open-models report, when its input tables are in the data
 *       ({@link Epoch2024Figures});</li>
 *   <li>the top model against the k-th over a whole leaderboard snapshot ({@link RankFigures});</li>
 *   <li>a time lag pooled over benchmarks the row lists ("MMLU+GPQA") with the method it names
 *       ({@link PooledFigures});</li>
 *   <li>score gaps on the Arena: top of each group on one leaderboard snapshot ({@link ArenaFigures});</li>
 *   <li>score gaps and time lags on any other benchmark or index, with the method the summary names
 *       ({@link FrontierFigures}).</li>
 * </ol>
 * Data are chosen by date: the newest snapshot published on or before the figure, else the oldest after
 * it (and the result says so). A row whose words fit no recipe gets a reason naming what is missing, so the reference
 * file can be fixed rather than the code made to guess. Stateless.
 */
public final class FigureInterpreter {
    private final List<Dataset> datasets;

    public FigureInterpreter(List<Dataset> datasets) {
        this.datasets = List.copyOf(datasets);
    }

    /** The computation for one figure. */
    public Computation compute(ReferenceFigure figure) {
        String metric = figure.metric().toLowerCase(Locale.ROOT);
        Optional<Computation> models = ModelFigures.compute(figure, datasets);
        if (models.isPresent()) {
            return models.get();
        }
        Optional<Computation> epoch = Epoch2024Figures.compute(figure, datasets);
        if (epoch.isPresent()) {
            return epoch.get();
        }
        Optional<Computation> rank = RankFigures.compute(figure, datasets);
        if (rank.isPresent()) {
            return rank.get();
        }
        Optional<Computation> pooled = PooledFigures.compute(figure, datasets, comparison(figure.comparison()));
        if (pooled.isPresent()) {
            return pooled.get();
        }
        String benchmarkId = Benchmarks.resolveId(figure.benchmark());
        boolean arena = benchmarkId.equals(Benchmarks.ARENA_TEXT.id()) || figure.words(figure.benchmark()).contains("arena");
        if (arena) {
            if (!metric.contains("score gap")) {
                return new Computation.NotComputable("only score gaps are computed on Arena snapshots: a time lag on the"
                        + " Arena needs dated scores, not leaderboard ratings");
            }
            return ArenaFigures.compute(figure, datasets, comparison(figure.comparison()));
        }
        if (metric.contains("score gap") || metric.contains("time lag")) {
            return FrontierFigures.compute(figure, datasets, comparison(figure.comparison()));
        }
        return new Computation.NotComputable("metric '" + figure.metric() + "' for '" + figure.comparison()
                + "' is not one Gapwise computes outside the studies it knows: write 'time lag' or 'score gap'");
    }

    /** The group pair named by the words, if it is one of the presets. */
    static Optional<Comparison> comparison(String text) {
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        if (lower.contains(" open") && (lower.contains(" sota ") || lower.contains("state of the art"))) {
            return Optional.of(Comparison.OPEN_VS_SOTA);
        }
        if (lower.contains(" open") && lower.contains(" closed")) {
            return Optional.of(Comparison.OPEN_VS_CLOSED);
        }
        if (lower.contains(" us ") && (lower.contains(" chinese ") || lower.contains(" china "))) {
            return Optional.of(Comparison.CHINA_VS_US);
        }
        return Optional.empty();
    }

    /**
     * Of the datasets that pass the filter, the newest published on or before the figure's publication;
     * otherwise the oldest after it.
     */
    static Optional<Dataset> nearest(List<Dataset> datasets, ReferenceFigure figure,
                                     java.util.function.Predicate<Dataset> usable) {
        List<Dataset> candidates = datasets.stream().filter(usable).toList();
        Optional<Dataset> before = candidates.stream()
                .filter(d -> !d.snapshot().date().isAfter(figure.published()))
                .max(Comparator.comparing(d -> d.snapshot().date()));
        return before.or(() -> candidates.stream().min(Comparator.comparing(d -> d.snapshot().date())));
    }

    /** A note when the chosen data is newer than the figure. */
    static List<String> newerNote(Dataset dataset, ReferenceFigure figure) {
        return dataset.snapshot().date().isAfter(figure.published())
                ? List.of("data (" + dataset.snapshot().label() + ") is newer than the publication ("
                + figure.published() + "); later re-scoring or additions can move the figure")
                : List.of();
    }
}
