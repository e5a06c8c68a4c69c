package dev.gapwise.gap.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;

import java.io.StringWriter;

/**
 * Writes a {@link GapReport} as one CSV table. Each row is a {@code lag} (one method's headline, dated by the
 * date its scores describe, with its spread labelled), a {@code window} (one half-year of the trend) or an
 * {@code event} (one catch-up), and carries the group pair, benchmark and data snapshot, so rows can be
 * filtered and joined on their own.
 */
public final class GapReportCsv {
    private GapReportCsv() {
    }

    public static String render(GapReport report) {
        StringWriter text = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord("row", "comparison", "benchmark", "snapshot", "method", "date_from", "date_to",
                    "leader_model", "follower_model", "months", "statistic", "settings", "spread");
            String benchmark = report.benchmark().id();
            String snapshot = report.snapshot().label();
            for (GapReport.Section section : report.sections()) {
                String comparison = section.comparison().id();
                for (LagResult lag : section.lags()) {
                    csv.writeRecord("lag", comparison, benchmark, snapshot, lag.method().id(), "",
                            report.series().asOf().toString(), "", "", number(lag.months()), lag.statistic(),
                            GapReportText.settings(lag.parameters()), Format.spread(lag));
                    for (LagEvent event : lag.events()) {
                        csv.writeRecord("event", comparison, benchmark, snapshot, lag.method().id(),
                                event.leader().date().toString(), event.follower().date().toString(),
                                event.leader().name(), event.follower().name(), String.valueOf(event.months()),
                                event.level().isPresent() ? "level " + event.level().getAsDouble() : "", "", "");
                    }
                }
                for (LagOverTime.Window window : section.trend()) {
                    csv.writeRecord("window", comparison, benchmark, snapshot, "backward", window.from().toString(),
                            window.to().toString(), "", "", number(window.months()), window.label(), "", "");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String number(java.util.OptionalDouble value) {
        return value.isPresent() ? String.valueOf(value.getAsDouble()) : "";
    }
}
