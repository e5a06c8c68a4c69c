package dev.gapwise.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The datasets Gapwise works from — the bundled catalog first, then any imported public datasets — and
 * the deployments (which refer to models of the bundled catalog). Immutable and thread-safe.
 *
 * @param datasets    every dataset, in the order given
 * @param deployments every known way to call a model, with its price
 */
public record Catalog(List<Dataset> datasets, List<Deployment> deployments) {

    public Catalog {
        datasets = List.copyOf(datasets);
        deployments = List.copyOf(deployments);
    }

    /** A catalog with the same deployments and more datasets after these. */
    public Catalog with(List<Dataset> more) {
        return new Catalog(java.util.stream.Stream.concat(datasets.stream(), more.stream()).toList(), deployments);
    }

    /** The datasets that score the given benchmark, newest snapshot first. */
    public List<Dataset> datasetsWith(String benchmarkId) {
        return datasets.stream()
                .filter(d -> d.benchmark(benchmarkId).isPresent())
                .sorted(Comparator.comparing((Dataset d) -> d.snapshot().date()).reversed())
                .toList();
    }

    /** The dataset whose snapshot has this name (case-insensitive), if any. */
    public Optional<Dataset> dataset(String name) {
        Objects.requireNonNull(name, "name");
        return datasets.stream().filter(d -> d.snapshot().name().equalsIgnoreCase(name)).findFirst();
    }

    /** A deployment by id. */
    public Optional<Deployment> deployment(String id) {
        return deployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
