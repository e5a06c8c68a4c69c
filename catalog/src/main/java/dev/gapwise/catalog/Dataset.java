package dev.gapwise.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from one data source at one snapshot: its models, the benchmarks it scores, the scores,
 * and any leaderboard snapshots. Model ids are unique within a dataset, and every score and leaderboard
 * entry refers to a model of the same dataset. Immutable and thread-safe.
 */
public final class Dataset {
    private final DataSnapshot snapshot;
    private final Map<String, Model> models;
    private final Map<String, Benchmark> benchmarks;
    private final List<BenchmarkScore> scores;
    private final List<Leaderboard> leaderboards;

    private Dataset(Builder builder) {
        this.snapshot = builder.snapshot;
        this.models = Map.copyOf(builder.models);
        this.benchmarks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.benchmarks));
        this.scores = List.copyOf(builder.scores);
        this.leaderboards = List.copyOf(builder.leaderboards);
    }

    public static Builder builder(DataSnapshot snapshot) {
        return new Builder(snapshot);
    }

    public DataSnapshot snapshot() {
        return snapshot;
    }

    public Collection<Model> models() {
        return models.values();
    }

    public Optional<Model> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    /** The benchmarks this dataset has scores for, in the order they were added. */
    public Collection<Benchmark> benchmarks() {
        return benchmarks.values();
    }

    public Optional<Benchmark> benchmark(String id) {
        return Optional.ofNullable(benchmarks.get(id));
    }

    public List<BenchmarkScore> scores() {
        return scores;
    }

    /** The scores on one benchmark. */
    public List<BenchmarkScore> scores(String benchmarkId) {
        return scores.stream().filter(s -> s.benchmark().equals(benchmarkId)).toList();
    }

    public List<Leaderboard> leaderboards() {
        return leaderboards;
    }

    @Override
    public String toString() {
        return "Dataset[" + snapshot.label() + ", " + models.size() + " models, " + benchmarks.size()
                + " benchmarks, " + scores.size() + " scores, " + leaderboards.size() + " leaderboards]";
    }

    /** Collects a dataset and checks that every reference resolves; not thread-safe. */
    public static final class Builder {
        private final DataSnapshot snapshot;
        private final Map<String, Model> models = new LinkedHashMap<>();
        private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
        private final List<BenchmarkScore> scores = new ArrayList<>();
        private final List<Leaderboard> leaderboards = new ArrayList<>();

        private Builder(DataSnapshot snapshot) {
            this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        }

        /** Adds a model; a second model with the same id is a bug in the reader. */
        public Builder model(Model model) {
            if (models.putIfAbsent(model.id(), model) != null) {
                throw new IllegalArgumentException("duplicate model id '" + model.id() + "' in " + snapshot.label());
            }
            return this;
        }

        public Builder benchmark(Benchmark benchmark) {
            Benchmark previous = benchmarks.putIfAbsent(benchmark.id(), benchmark);
            if (previous != null && !previous.equals(benchmark)) {
                throw new IllegalArgumentException("benchmark '" + benchmark.id() + "' declared twice differently");
            }
            return this;
        }

        public Builder score(BenchmarkScore score) {
            if (!models.containsKey(score.modelId())) {
                throw new IllegalArgumentException("score for unknown model '" + score.modelId() + "'");
            }
            if (!benchmarks.containsKey(score.benchmark())) {
                throw new IllegalArgumentException("score on undeclared benchmark '" + score.benchmark() + "'");
            }
            scores.add(score);
            return this;
        }

        public Builder leaderboard(Leaderboard leaderboard) {
            for (Leaderboard.Entry entry : leaderboard.entries()) {
                if (!models.containsKey(entry.modelId())) {
                    throw new IllegalArgumentException("leaderboard entry for unknown model '" + entry.modelId() + "'");
                }
            }
            leaderboards.add(leaderboard);
            return this;
        }

        public Dataset build() {
            return new Dataset(this);
        }
    }
}
