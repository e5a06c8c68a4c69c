package dev.gapwise.gap.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gapwise.gap.Freshness;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.matrix.Quadrant;
import dev.gapwise.gap.matrix.QuadrantMatrix;
import dev.gapwise.gap.method.LagOverTime;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Writes the 2×2 view as text, Markdown, CSV (one row per pair and window) or JSON. */
public final class MatrixTables {
    private MatrixTables() {
    }

    public static String text(QuadrantMatrix.Report report, LocalDate today) {
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append('\n');
        out.append("2x2 view: ").append(report.series().benchmark().displayName()).append(" (")
                .append(report.series().benchmark().id()).append(")\n");
        out.append("Data: ").append(report.series().snapshot().label()).append(", scores as of ")
                .append(report.series().asOf()).append("; ").append(Freshness.line(report.series().asOf(), today))
                .append("\nLags are method (d), the day-by-day backward lag, in months; 0 means level or ahead.\n\n");
        TextTable quadrants = new TextTable("quadrant", "models", "best model", "score", "behind the overall frontier now");
        for (Quadrant quadrant : Quadrant.values()) {
            Optional<Observation> best = report.best().get(quadrant);
            quadrants.row(quadrant.label(), report.models().get(quadrant), best.map(Observation::name).orElse("—"),
                    best.map(o -> Format.score(report.series().benchmark(), o.value())).orElse("—"),
                    Format.months(report.overall(quadrant).now()));
        }
        out.append(quadrants.render("  "));
        out.append("\nNow, each row behind each column (months):\n");
        List<String> header = new ArrayList<>(List.of("behind →"));
        for (Quadrant leader : Quadrant.values()) {
            header.add(leader.label());
        }
        TextTable now = new TextTable(header.toArray(String[]::new));
        for (Quadrant follower : Quadrant.values()) {
            List<Object> cells = new ArrayList<>(List.of(follower.label()));
            for (Quadrant leader : Quadrant.values()) {
                cells.add(leader == follower ? "—" : Format.months(report.pair(follower, leader).now()));
            }
            now.row(cells.toArray());
        }
        out.append(now.render("  "));
        List<String> windows = windows(report);
        out.append("\nBy half-year, mean of method (d):\n");
        List<String> columns = new ArrayList<>(List.of("pair"));
        columns.addAll(windows);
        TextTable trend = new TextTable(columns.toArray(String[]::new));
        for (QuadrantMatrix.Pair pair : allPairs(report)) {
            List<Object> cells = new ArrayList<>(List.of(name(pair)));
            windows.forEach(w -> cells.add(Format.months(window(pair, w))));
            trend.row(cells.toArray());
        }
        out.append(trend.render("  "));
        return out.toString();
    }

    /** "China open trails the overall frontier by about 7.5 months …": the quadrant furthest behind, in one line. */
    public static String headline(QuadrantMatrix.Report report) {
        List<String> parts = new ArrayList<>();
        for (Quadrant quadrant : Quadrant.values()) {
            OptionalDouble now = report.overall(quadrant).now();
            parts.add(quadrant.label() + " " + (now.isPresent() ? Format.months(now) + " mo" : "no data"));
        }
        return "Behind the overall " + report.series().benchmark().displayName() + " frontier as of "
                + report.series().asOf() + " (method d): " + String.join(", ", parts);
    }

    /** The "now" matrix and the quadrant table as Markdown. */
    public static String markdown(QuadrantMatrix.Report report) {
        StringBuilder out = new StringBuilder("| quadrant | models | best model | behind overall |");
        for (Quadrant leader : Quadrant.values()) {
            out.append(" behind ").append(leader.label()).append(" |");
        }
        out.append("\n|---|---|---|---|").append("---|".repeat(Quadrant.values().length)).append('\n');
        for (Quadrant follower : Quadrant.values()) {
            out.append("| ").append(follower.label()).append(" | ").append(report.models().get(follower)).append(" | ")
                    .append(report.best().get(follower).map(o -> o.name() + " ("
                            + Format.score(report.series().benchmark(), o.value()) + ")").orElse("—"))
                    .append(" | ").append(Format.months(report.overall(follower).now())).append(" |");
            for (Quadrant leader : Quadrant.values()) {
                out.append(' ').append(leader == follower ? "—" : Format.months(report.pair(follower, leader).now()))
                        .append(" |");
            }
            out.append('\n');
        }
        List<String> windows = windows(report).stream().filter(w -> w.compareTo("2023") >= 0).toList();
        out.append("\n| behind the overall frontier (half-year mean) |");
        windows.forEach(w -> out.append(' ').append(w).append(" |"));
        out.append("\n|---|").append("---|".repeat(windows.size())).append('\n');
        for (Quadrant quadrant : Quadrant.values()) {
            out.append("| ").append(quadrant.label()).append(" |");
            windows.forEach(w -> out.append(' ').append(Format.months(window(report.overall(quadrant), w))).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    public static String csv(QuadrantMatrix.Report report) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("follower", "leader", "window", "date_from", "date_to", "months", "benchmark", "snapshot");
            for (QuadrantMatrix.Pair pair : allPairs(report)) {
                csv.writeRecord(pair.follower().label(), pair.leader().label(), "now", "",
                        report.series().asOf().toString(), number(pair.now()), report.series().benchmark().id(),
                        report.series().snapshot().label());
                for (LagOverTime.Window window : pair.halfYears()) {
                    csv.writeRecord(pair.follower().label(), pair.leader().label(), window.label(),
                            window.from().toString(), window.to().toString(), number(window.months()),
                            report.series().benchmark().id(), report.series().snapshot().label());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static String json(QuadrantMatrix.Report report, LocalDate today) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("headline", headline(report));
        root.put("benchmark", report.series().benchmark().id());
        root.put("snapshot", report.series().snapshot().label());
        root.put("scores_as_of", report.series().asOf().toString());
        root.put("newest_score_age_days", java.time.temporal.ChronoUnit.DAYS.between(report.series().asOf(), today));
        List<Object> quadrants = new ArrayList<>();
        for (Quadrant quadrant : Quadrant.values()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("quadrant", quadrant.label());
            out.put("filter", quadrant.group().expression());
            out.put("models", report.models().get(quadrant));
            report.best().get(quadrant).ifPresent(o -> out.put("best", Map.of("model", o.name(), "score", o.value(),
                    "date", o.date().toString())));
            quadrants.add(out);
        }
        root.put("quadrants", quadrants);
        List<Object> pairs = new ArrayList<>();
        for (QuadrantMatrix.Pair pair : allPairs(report)) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("follower", pair.follower().label());
            out.put("leader", pair.leader().label());
            out.put("now_months", pair.now().isPresent() ? pair.now().getAsDouble() : null);
            Map<String, Object> windows = new LinkedHashMap<>();
            pair.halfYears().forEach(w -> windows.put(w.label(), w.months().isPresent() ? w.months().getAsDouble() : null));
            out.put("half_years", windows);
            pairs.add(out);
        }
        root.put("pairs", pairs);
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    private static List<QuadrantMatrix.Pair> allPairs(QuadrantMatrix.Report report) {
        List<QuadrantMatrix.Pair> pairs = new ArrayList<>(report.overall());
        pairs.addAll(report.pairs());
        return pairs;
    }

    private static String name(QuadrantMatrix.Pair pair) {
        return pair.follower().label() + " behind " + (pair.leader().label().equals("all models") ? "overall"
                : pair.leader().label());
    }

    private static List<String> windows(QuadrantMatrix.Report report) {
        Set<String> labels = new LinkedHashSet<>();
        allPairs(report).forEach(p -> p.halfYears().forEach(w -> labels.add(w.label())));
        return labels.stream().sorted().toList();
    }

    private static OptionalDouble window(QuadrantMatrix.Pair pair, String label) {
        return pair.halfYears().stream().filter(w -> w.label().equals(label)).findFirst()
                .map(LagOverTime.Window::months).orElse(OptionalDouble.empty());
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }
}
