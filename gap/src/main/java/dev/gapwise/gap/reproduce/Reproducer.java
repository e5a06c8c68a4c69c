package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.stats.Rounding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recomputes every figure of a reference file and compares. A number matches when the recomputed value,
 * rounded half-even to the decimals the figure was printed with, equals the printed value. Figures the
 * reference marks approximate are held to a stated tolerance instead: the published value plus or minus the
 * larger of half its published 90 % interval and 25 % of the value.
 */
public final class Reproducer {
    private static final double RELATIVE_TOLERANCE = 0.25;

    private final FigureInterpreter interpreter;

    public Reproducer(List<Dataset> datasets) {
        this.interpreter = new FigureInterpreter(datasets);
    }

    /** Every figure, in file order. */
    public List<Reproduction> run(List<ReferenceFigure> figures) {
        return figures.stream().map(this::reproduce).toList();
    }

    /** One figure. */
    public Reproduction reproduce(ReferenceFigure figure) {
        Computation computation;
        try {
            computation = interpreter.compute(figure);
        } catch (IllegalArgumentException e) {
            computation = new Computation.NotComputable(e.getMessage());
        }
        return switch (computation) {
            case Computation.NotComputable no -> new Reproduction(figure, Reproduction.Status.NOT_COMPUTABLE, "",
                    List.of(), "", "", "", List.of(no.reason()));
            case Computation.Computed computed -> compare(figure, computed);
        };
    }

    private static Reproduction compare(ReferenceFigure figure, Computation.Computed computed) {
        PublishedValue published = PublishedValue.parse(figure.value(), figure.unit());
        List<String> compared = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        boolean allMatch = true;
        for (Map.Entry<String, PublishedValue.Printed> entry : published.numbers().entrySet()) {
            Double value = computed.values().get(entry.getKey());
            if (value == null) {
                continue;
            }
            compared.add(entry.getKey());
            printed.add(Rounding.format(value, entry.getValue().decimals()));
            allMatch &= matches(value, entry.getValue());
        }
        List<String> notes = new ArrayList<>(computed.notes());
        if (compared.isEmpty()) {
            notes.add("none of the published numbers (" + String.join(", ", published.numbers().keySet())
                    + ") is one this computation gives (" + String.join(", ", computed.values().keySet()) + ")");
            return new Reproduction(figure, Reproduction.Status.NOT_COMPUTABLE, "", List.of(), computed.method(),
                    computed.snapshot(), "", notes);
        }
        String recomputed = String.join(" / ", printed);
        if (allMatch) {
            return new Reproduction(figure, Reproduction.Status.EXACT, recomputed, compared, computed.method(),
                    computed.snapshot(), "", notes);
        }
        if (figure.expectation() == ReferenceFigure.Expectation.APPROXIMATE) {
            Tolerance tolerance = tolerance(published);
            double headline = computed.values().getOrDefault("headline",
                    computed.values().getOrDefault(compared.getFirst(), Double.NaN));
            boolean within = tolerance.accepts(headline);
            return new Reproduction(figure, within ? Reproduction.Status.WITHIN_TOLERANCE : Reproduction.Status.DIFFERENT,
                    recomputed, compared, computed.method(), computed.snapshot(), tolerance.description(), notes);
        }
        return new Reproduction(figure, Reproduction.Status.DIFFERENT, recomputed, compared, computed.method(),
                computed.snapshot(), "", notes);
    }

    /** True when {@code value} printed like {@code published} reads the same. */
    static boolean matches(double value, PublishedValue.Printed published) {
        return Rounding.exact(value, published.decimals())
                .compareTo(Rounding.exact(published.value(), published.decimals())) == 0;
    }

    private record Tolerance(double low, double high, String description) {
        boolean accepts(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * Published value ± the larger of half its published interval (when one is given) and 25 % of the value:
     * the published uncertainty where the authors state one, a plain relative margin where they do not.
     */
    private static Tolerance tolerance(PublishedValue published) {
        var numbers = published.numbers();
        double headline = numbers.getOrDefault("headline", numbers.values().iterator().next()).value();
        double margin = Math.abs(headline) * RELATIVE_TOLERANCE;
        String basis = "25% of the value";
        if (numbers.containsKey("ci5") && numbers.containsKey("ci95")) {
            double halfWidth = (numbers.get("ci95").value() - numbers.get("ci5").value()) / 2;
            if (halfWidth > margin) {
                margin = halfWidth;
                basis = "half the published 90% interval";
            }
        }
        return new Tolerance(headline - margin, headline + margin, "published ± " + strip(margin) + " (" + basis
                + "): [" + strip(headline - margin) + ", " + strip(headline + margin) + "]");
    }

    private static String strip(double value) {
        return Rounding.format(value, 2).replaceAll("\\.?0+$", "");
    }
}
