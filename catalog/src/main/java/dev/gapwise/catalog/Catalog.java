package dev.gapwise.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The datasets Gapwise works from — the bundled catalog first, then any imported public datasets — the
 * deployments (which refer to models of the bundled catalog) and the task families that group benchmarks.
 * Immutable and thread-safe.
 *
 * @param datasets       every dataset, in the order given
 * @param allDeployments every known way to call a model, with its price and status, retired ones included
 * @param families       the task families benchmarks are grouped into
 */
public record Catalog(List<Dataset> datasets, List<Deployment> allDeployments, TaskFamilies families) {

    public Catalog {
        datasets = List.copyOf(datasets);
        allDeployments = List.copyOf(allDeployments);
        Objects.requireNonNull(families, "families");
    }

    /** A catalog without task families. */
    public Catalog(List<Dataset> datasets, List<Deployment> deployments) {
        this(datasets, deployments, TaskFamilies.NONE);
    }

    /**
     * The deployments offered by default — the active ones. Deprecated and retired deployments stay in
     * {@link #allDeployments()} for listings, checks and price history, but nothing routes to them unasked.
     */
    public List<Deployment> deployments() {
        return allDeployments.stream().filter(Deployment::offeredByDefault).toList();
    }

    /** A catalog with the same deployments and families and more datasets after these. */
    public Catalog with(List<Dataset> more) {
        return new Catalog(Stream.concat(datasets.stream(), more.stream()).toList(), allDeployments, families);
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

    /** A deployment by id, whatever its status. */
    public Optional<Deployment> deployment(String id) {
        return allDeployments.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
