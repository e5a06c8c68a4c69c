package dev.gapwise.routing.lab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Per-prompt outcomes of several models: the input of every quality-router experiment. Immutable.
 *
 * @param name      a short name for reports, e.g. {@code RouteLLM MMLU}
 * @param models    model column names, in file order
 * @param costUnit  what {@link OutcomeRow#costs()} measure, e.g. {@code USD} or {@code output chars}; empty if none
 * @param rows      the prompts
 */
public record OutcomeTable(String name, List<String> models, String costUnit, List<OutcomeRow> rows) {
    public OutcomeTable {
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        Objects.requireNonNull(costUnit, "costUnit");
        rows = List.copyOf(rows);
    }

    /** The index of a model column. */
    public int modelIndex(String model) {
        int index = models.indexOf(model);
        if (index < 0) {
            throw new IllegalArgumentException("no model '" + model + "' in " + name + "; it has " + models);
        }
        return index;
    }

    /** Rows that pass a filter, under the same name. */
    public OutcomeTable filter(Predicate<OutcomeRow> keep) {
        return new OutcomeTable(name, models, costUnit, rows.stream().filter(keep).toList());
    }

    /** Rows not marked contaminated. */
    public OutcomeTable decontaminated() {
        return filter(row -> !row.contaminated());
    }

    /** Rows of one split. */
    public OutcomeTable split(Split split) {
        return filter(row -> row.split() == split);
    }

    /** The strong-vs-weak view over rows where both models were evaluated. */
    public PairOutcomes pair(String strong, String weak) {
        int s = modelIndex(strong);
        int w = modelIndex(weak);
        List<OutcomeRow> both = new ArrayList<>();
        for (OutcomeRow row : rows) {
            if (!Double.isNaN(row.score(s)) && !Double.isNaN(row.score(w))) {
                both.add(row);
            }
        }
        return PairOutcomes.of(name + ": " + strong + " vs " + weak, both, s, w);
    }

    /** Every row whose id is a multiple of {@code every} in hash order; a deterministic reduced sample. */
    public OutcomeTable sample(int maxRows) {
        if (rows.size() <= maxRows) {
            return this;
        }
        List<OutcomeRow> sorted = rows.stream()
                .sorted(java.util.Comparator.comparingLong((OutcomeRow r) -> Split.hash32("sample:" + r.id())))
                .limit(maxRows).toList();
        return new OutcomeTable(name, models, costUnit, sorted);
    }
}
