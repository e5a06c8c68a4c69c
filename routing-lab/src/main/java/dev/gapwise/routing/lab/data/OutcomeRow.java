package dev.gapwise.routing.lab.data;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One prompt with the outcome of every model of its {@link OutcomeTable}.
 *
 * @param id           the key the split hashes (e.g. {@code mmlu.anatomy.3}, an MT-Bench question id)
 * @param text         the prompt as the models saw it (all turns for multi-turn prompts)
 * @param group        the category a prior would use: MMLU subject, MT-Bench category, MMLU-Pro src; may be empty
 * @param labels       further columns (domain_group, category, src, …) for slices
 * @param contaminated true when the source marks the prompt as leaked into training data
 * @param scores       per model: 0/1 correctness or a graded score; NaN = not evaluated
 * @param costs        per model: a cost or cost proxy (USD, or output characters); NaN = unknown
 */
public record OutcomeRow(String id, String text, String group, Map<String, String> labels, boolean contaminated,
                         double[] scores, double[] costs) {
    public OutcomeRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(group, "group");
        labels = Map.copyOf(labels);
        scores = scores.clone();
        costs = costs.clone();
    }

    /** A label column's value, if present. */
    public Optional<String> label(String column) {
        return Optional.ofNullable(labels.get(column));
    }

    /** The split this row belongs to. */
    public Split split() {
        return Split.of(id);
    }

    /** Score of model {@code index}; NaN when not evaluated. */
    public double score(int index) {
        return scores[index];
    }

    /** Cost of model {@code index}; NaN when unknown. */
    public double cost(int index) {
        return costs[index];
    }
}
