package dev.gapwise.gap;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.DataSnapshot;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The dated scores of one benchmark in one dataset: the input of every lag method. Models without a
 * release date cannot be placed in time and are left out (and counted). Immutable.
 *
 * @param benchmark    the benchmark
 * @param snapshot     the data snapshot the scores come from
 * @param observations every dated score, in date order (ties keep the dataset's order)
 * @param undated      how many scores were left out for lack of a release date
 * @param asOf         the date the scores describe: the newest measurement date of the benchmark's scores
 *                     when the dataset records them, else the snapshot's date. Lags are measured up to it.
 */
public record Series(Benchmark benchmark, DataSnapshot snapshot, List<Observation> observations, int undated,
                     java.time.LocalDate asOf) {

    public Series {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(snapshot, "snapshot");
        observations = observations.stream().sorted(Comparator.comparing(Observation::date)).toList();
        Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * The scores of {@code benchmarkId} in {@code dataset}; empty when the dataset does not score it.
     */
    public static Optional<Series> of(Dataset dataset, String benchmarkId) {
        Optional<Benchmark> benchmark = dataset.benchmark(benchmarkId);
        if (benchmark.isEmpty()) {
            return Optional.empty();
        }
        List<Observation> observations = new ArrayList<>();
        int undated = 0;
        java.time.LocalDate asOf = null;
        for (BenchmarkScore score : dataset.scores(benchmarkId)) {
            if (score.measuredOn().isPresent() && (asOf == null || score.measuredOn().get().isAfter(asOf))) {
                asOf = score.measuredOn().get();
            }
            Model model = dataset.model(score.modelId()).orElseThrow();
            if (model.releaseDate().isEmpty()) {
                undated++;
                continue;
            }
            observations.add(new Observation(model, model.releaseDate().get(), score.value()));
        }
        return Optional.of(new Series(benchmark.get(), dataset.snapshot(), observations, undated,
                asOf == null ? dataset.snapshot().date() : asOf));
    }

    /**
     * The ratings of one leaderboard snapshot as scores, each model dated by its release (for Arena tables, the
     * first snapshot that rated it): how a leaderboard enters the lag methods.
     */
    public static Series of(Dataset dataset, dev.gapwise.catalog.Leaderboard board, Benchmark benchmark) {
        List<Observation> observations = new ArrayList<>();
        int undated = 0;
        for (dev.gapwise.catalog.Leaderboard.Entry entry : board.entries()) {
            Model model = dataset.model(entry.modelId()).orElseThrow();
            if (model.releaseDate().isEmpty() || model.releaseDate().get().isAfter(board.date())) {
                undated++;
                continue;
            }
            observations.add(new Observation(model, model.releaseDate().get(), entry.rating()));
        }
        DataSnapshot snapshot = new DataSnapshot(dataset.snapshot().name() + " snapshot " + board.date(), board.date(),
                dataset.snapshot().origin());
        return new Series(benchmark, snapshot, observations, undated, board.date());
    }

    /** A series over the given observations (for tests and for studies that prepare their own data). */
    public static Series of(Benchmark benchmark, DataSnapshot snapshot, List<Observation> observations) {
        return new Series(benchmark, snapshot, observations, 0, snapshot.date());
    }

    /** The observations of one group's models, in date order. */
    public List<Observation> of(Group group) {
        return observations.stream().filter(o -> group.contains(o.model())).toList();
    }

    /** This series with only the observations that pass the filter. */
    public Series filter(java.util.function.Predicate<Observation> keep) {
        return new Series(benchmark, snapshot, observations.stream().filter(keep).toList(), undated, asOf);
    }

    /** The running-maximum frontier of one group. */
    public Frontier frontier(Group group) {
        return Frontier.of(of(group), Frontier.floorFor(benchmark.scale()));
    }
}
