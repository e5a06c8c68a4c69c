package dev.gapwise.gap.report;

import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;

import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link GapReport} as readable text: per group pair, the lag by each method, the trend and the catch-ups. */
public final class GapReportText {
    private GapReportText() {
    }

    /** The report as of today. */
    public static String render(GapReport report) {
        return render(report, java.time.LocalDate.now());
    }

    /** The report, with the age of its newest score counted to {@code today}. */
    public static String render(GapReport report, java.time.LocalDate today) {
        StringBuilder out = new StringBuilder();
        report.sections().forEach(section -> out.append(Headline.of(report, section)).append('\n'));
        out.append("Gap report: ").append(report.benchmark().displayName()).append(" (").append(report.benchmark().id())
                .append(")\n");
        out.append("Data: ").append(report.snapshot().label()).append(", scores as of ").append(report.series().asOf())
                .append(", ").append(report.series().observations().size()).append(" dated scores");
        if (report.series().undated() > 0) {
            out.append(" (").append(report.series().undated()).append(" without a release date left out)");
        }
        out.append("; ").append(dev.gapwise.gap.Freshness.line(report.series().asOf(), today));
        out.append("\nLags are in months (days / 365 × 12); each names its method.\n");
        for (GapReport.Section section : report.sections()) {
            out.append('\n').append(section.comparison().label()).append("  [").append(section.comparison().id())
                    .append(": ").append(described(section.comparison().leader())).append(' ')
                    .append(section.leaderModels()).append(" models, ").append(described(section.comparison().follower()))
                    .append(' ').append(section.followerModels()).append(" models]\n");
            section.currentGap().ifPresent(gap -> out.append("  Frontier gap on ").append(gap.date()).append(": ")
                    .append(Format.points(report.benchmark(), gap.points())).append(String.format(java.util.Locale.ROOT,
                            " (%.1f%%): %s %s vs %s %s%n", gap.percent(), gap.leaderTop().name(),
                            Format.score(report.benchmark(), gap.leaderTop().score()), gap.followerTop().name(),
                            Format.score(report.benchmark(), gap.followerTop().score()))));
            TextTable lags = new TextTable("method", "lag", "statistic", "spread", "settings");
            for (LagResult lag : section.lags()) {
                lags.row(lag.method().title(), Format.months(lag.months()), lag.statistic(), Format.spread(lag),
                        settings(lag.parameters()));
            }
            out.append(lags.render("  "));
            for (LagResult lag : section.lags()) {
                lag.notes().forEach(note -> out.append("  note ").append(lag.method().title()).append(": ")
                        .append(note).append('\n'));
            }
            if (!section.trend().isEmpty()) {
                out.append("  Half-year trend, method (d) mean lag: ");
                out.append(section.trend().stream().map(GapReportText::window).collect(Collectors.joining(" | ")))
                        .append('\n');
            }
            section.lags().stream().filter(l -> l.method() == Method.DISCRETE_CATCH_UP).findFirst().ifPresent(lag -> {
                if (!lag.events().isEmpty()) {
                    out.append("  Catch-up events, method (a):\n");
                    TextTable events = new TextTable("leader model", "released", "score", "caught by", "released",
                            "score", "months");
                    for (LagEvent event : lag.events()) {
                        events.row(event.leader().name(), event.leader().date(),
                                Format.score(report.benchmark(), event.leader().value()), event.follower().name(),
                                event.follower().date(), Format.score(report.benchmark(), event.follower().value()),
                                Format.months(event.months()));
                    }
                    out.append(events.render("    "));
                }
            });
        }
        return out.toString();
    }

    /** The group's name, with its filter when the name is not the filter itself. */
    private static String described(dev.gapwise.gap.Group group) {
        return group.label().equals(group.expression()) || !group.expression().contains("=") ? group.label()
                : group.label() + " (" + group.expression() + ")";
    }

    private static String window(LagOverTime.Window window) {
        return window.label() + " " + Format.months(window.months());
    }

    static String settings(Map<String, String> parameters) {
        return parameters.entrySet().stream().filter(e -> !e.getKey().equals("levels") || e.getValue().length() < 40)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
