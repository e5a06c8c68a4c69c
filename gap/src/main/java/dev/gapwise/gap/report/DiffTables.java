package dev.gapwise.gap.report;

import dev.gapwise.gap.Freshness;
import dev.gapwise.gap.diff.SnapshotDiff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Writes a {@link SnapshotDiff.Report} as text or JSON. */
public final class DiffTables {
    private static final int LISTED = 10;

    private DiffTables() {
    }

    public static String text(SnapshotDiff.Report report, LocalDate today) {
        StringBuilder out = new StringBuilder();
        out.append("How the lags moved on ").append(report.after().benchmark().displayName()).append(": ")
                .append(report.before().snapshot().label()).append(" → ").append(report.after().snapshot().label())
                .append('\n');
        out.append("Old scores as of ").append(report.before().asOf()).append(", new as of ")
                .append(report.after().asOf()).append("; ").append(Freshness.line(report.after().asOf(), today))
                .append('\n');
        out.append("'refitted' = the new scores of the old snapshot's models only; the change splits into what the"
                + " re-scoring did and what the added models did.\n");
        TextTable table = new TextTable("groups", "method", "old", "refitted", "new", "change", "from refit",
                "from new models");
        for (SnapshotDiff.Row row : report.rows()) {
            table.row(row.comparison().label(), row.method().title(), Format.months(row.before()),
                    Format.months(row.refitted()), Format.months(row.after()), signed(row.change()),
                    signed(row.fromRefit()), signed(row.fromNewModels()));
        }
        out.append(table.render("  "));
        out.append("\n").append(report.added().size()).append(" models scored only in the new snapshot");
        if (!report.added().isEmpty()) {
            out.append(" (newest first): ").append(String.join(", ", report.added().stream().limit(LISTED)
                    .map(m -> m.name() + " " + m.releaseDate().map(Object::toString).orElse("undated")).toList()))
                    .append(report.added().size() > LISTED ? ", …" : "");
        }
        out.append("\n").append(report.removed().size()).append(" models scored only in the old snapshot");
        if (!report.removed().isEmpty()) {
            out.append(": ").append(String.join(", ", report.removed().stream().limit(LISTED).map(m -> m.name()).toList()))
                    .append(report.removed().size() > LISTED ? ", …" : "");
        }
        out.append("\n").append(report.moved().size()).append(" models re-scored");
        if (!report.moved().isEmpty()) {
            double mean = report.moved().stream().mapToDouble(m -> Math.abs(m.change())).average().orElse(0);
            out.append(String.format(Locale.ROOT, " (mean absolute change %.2f; largest: %s)", mean,
                    String.join(", ", report.moved().stream().limit(5).map(m -> String.format(Locale.ROOT,
                            "%s %.2f → %.2f", m.model().name(), m.before(), m.after())).toList())));
        }
        return out.append('\n').toString();
    }

    public static String json(SnapshotDiff.Report report, LocalDate today) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", report.after().benchmark().id());
        root.put("old", Map.of("snapshot", report.before().snapshot().label(), "scores_as_of",
                report.before().asOf().toString()));
        root.put("new", Map.of("snapshot", report.after().snapshot().label(), "scores_as_of",
                report.after().asOf().toString(), "newest_score_age_days",
                java.time.temporal.ChronoUnit.DAYS.between(report.after().asOf(), today)));
        List<Object> rows = new ArrayList<>();
        for (SnapshotDiff.Row row : report.rows()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("comparison", row.comparison().id());
            out.put("method", row.method().id());
            out.put("old", value(row.before()));
            out.put("refitted", value(row.refitted()));
            out.put("new", value(row.after()));
            out.put("change", value(row.change()));
            out.put("from_refit", value(row.fromRefit()));
            out.put("from_new_models", value(row.fromNewModels()));
            rows.add(out);
        }
        root.put("lags", rows);
        root.put("added_models", report.added().stream().map(m -> m.id()).toList());
        root.put("removed_models", report.removed().stream().map(m -> m.id()).toList());
        root.put("rescored_models", report.moved().stream().map(m -> Map.of("model", m.model().id(), "old",
                m.before(), "new", m.after())).toList());
        return GapReportJson.MAPPER.writeValueAsString(root);
    }

    private static String signed(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%+.1f", value.getAsDouble()) : "—";
    }

    private static Object value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
