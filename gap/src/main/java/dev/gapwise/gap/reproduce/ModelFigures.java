package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.compare.ModelComparison;
import dev.gapwise.gap.compare.ModelLookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A time lag between two named models ("Llama 3.1 405B vs GPT-4 (original)"): when the later one reached the
 * earlier one's score on the benchmark, with {@link ModelComparison}, on the dataset nearest the publication that
 * scores both. The figure is taken for a model comparison only when both sides name models of one dataset; when only
 * one side does, the reason names the other.
 */
final class ModelFigures {
    private ModelFigures() {
    }

    static Optional<Computation> compute(ReferenceFigure figure, List<Dataset> datasets) {
        String[] sides = figure.comparison().split("(?i)\\s+vs\\.?\\s+");
        if (sides.length != 2 || !figure.words(figure.metric()).contains("time lag")) {
            return Optional.empty();
        }
        String benchmark = Benchmarks.resolveId(figure.benchmark());
        List<Dataset> scoring = byNearness(datasets.stream().filter(d -> d.benchmark(benchmark).isPresent()).toList(),
                figure);
        boolean firstFound = false;
        boolean secondFound = false;
        for (Dataset dataset : scoring) {
            boolean first = ModelLookup.find(dataset, sides[0].strip()).isPresent();
            boolean second = ModelLookup.find(dataset, sides[1].strip()).isPresent();
            firstFound |= first;
            secondFound |= second;
            if (first && second) {
                try {
                    ModelComparison comparison = ModelComparison.of(List.of(dataset), benchmark, sides[0].strip(),
                            sides[1].strip(), OptionalDouble.empty());
                    if (comparison.months().isEmpty()) {
                        return Optional.of(new Computation.NotComputable(comparison.describe()));
                    }
                    List<String> notes = new ArrayList<>(FigureInterpreter.newerNote(dataset, figure));
                    notes.add(comparison.describe());
                    return Optional.of(new Computation.Computed(Map.of("headline", comparison.months().getAsDouble()),
                            "named models: the later model's release − the earlier's, once its score is within the"
                                    + " tolerance (" + comparison.tolerance() + " on the comparison scale)",
                            dataset.snapshot().label(), notes));
                } catch (ModelComparison.Unanswerable e) {
                    return Optional.of(new Computation.NotComputable(e.getMessage()));
                }
            }
        }
        if (firstFound ^ secondFound) {
            String missing = (firstFound ? sides[1] : sides[0]).strip();
            return Optional.of(new Computation.NotComputable("'" + missing + "' is not a model of any dataset that scores "
                    + benchmark + " (the other side, '" + (firstFound ? sides[0] : sides[1]).strip()
                    + "', is): name the model as the data does"));
        }
        return Optional.empty();
    }

    /** Datasets published on or before the figure, newest first, then the later ones, oldest first. */
    static List<Dataset> byNearness(List<Dataset> datasets, ReferenceFigure figure) {
        List<Dataset> before = datasets.stream().filter(d -> !d.snapshot().date().isAfter(figure.published()))
                .sorted(Comparator.comparing((Dataset d) -> d.snapshot().date()).reversed()).toList();
        List<Dataset> after = datasets.stream().filter(d -> d.snapshot().date().isAfter(figure.published()))
                .sorted(Comparator.comparing(d -> d.snapshot().date())).toList();
        List<Dataset> all = new ArrayList<>(before);
        all.addAll(after);
        return all;
    }
}
