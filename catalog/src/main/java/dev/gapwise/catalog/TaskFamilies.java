package dev.gapwise.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The task families a catalog defines, in file order. Immutable and thread-safe.
 *
 * @param families every family
 */
public record TaskFamilies(List<TaskFamily> families) {
    /** No families (a catalog that defines none). */
    public static final TaskFamilies NONE = new TaskFamilies(List.of());

    public TaskFamilies {
        families = List.copyOf(families);
    }

    /** A family by id or name, ignoring case. */
    public Optional<TaskFamily> family(String idOrName) {
        String key = idOrName.strip().toLowerCase(Locale.ROOT);
        return families.stream()
                .filter(f -> f.id().equals(key) || f.name().toLowerCase(Locale.ROOT).equals(key))
                .findFirst();
    }

    /** The families a benchmark belongs to (a benchmark may belong to several). */
    public List<TaskFamily> of(String benchmarkId) {
        return families.stream().filter(f -> f.benchmarks().contains(benchmarkId)).toList();
    }

    /** The family ids, for messages. */
    public List<String> ids() {
        return families.stream().map(TaskFamily::id).toList();
    }
}
