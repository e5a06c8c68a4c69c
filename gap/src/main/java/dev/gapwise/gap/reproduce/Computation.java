package dev.gapwise.gap.reproduce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the data gives for a figure, or why it cannot.
 */
public sealed interface Computation {

    /**
     * Recomputed numbers, under the same labels as {@link PublishedValue}.
     *
     * @param values   label → value
     * @param method   how they were computed, in words
     * @param snapshot which data
     * @param notes    caveats (other snapshots, data newer than the publication, …)
     */
    record Computed(Map<String, Double> values, String method, String snapshot, List<String> notes)
            implements Computation {
        public Computed {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(snapshot, "snapshot");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The data cannot support the figure.
     *
     * @param reason why, in words a reader can check
     */
    record NotComputable(String reason) implements Computation {
        public NotComputable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
