package dev.gapwise.gap.report;

import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What every time chart shares: a date axis labelled "Jan 2026" with room at both ends so the last label is
 * never cut, padding around the chart, the names of record-setting models beside their points, and legend
 * text that reads as English.
 */
final class ChartStyle {
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 9);

    private ChartStyle() {
    }

    /** A date axis in UTC with "MMM yyyy" ticks and margins wide enough for the first and last label. */
    static DateAxis dateAxis(String label) {
        DateAxis axis = new DateAxis(label, TimeZone.getTimeZone("UTC"), Locale.ROOT);
        SimpleDateFormat format = new SimpleDateFormat("MMM yyyy", Locale.ROOT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setDateFormatOverride(format);
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.06);
        return axis;
    }

    /** White background and enough padding on the right for the last tick label. */
    static void finish(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 28));
    }

    /** "open weights models", but "all models" rather than "all models models". */
    static String models(Group group) {
        return group.label().endsWith("models") ? group.label() : group.label() + " models";
    }

    /**
     * Writes record-setters' names beside their points, in the frontier's colour: above the step for a leader,
     * below it for a follower. Records closer than a fourteenth of the time span to the previous labelled one
     * stay unlabelled so the names do not pile up; the latest record is always labelled.
     */
    static void labelRecords(XYPlot plot, List<Observation> records, Color color, boolean above) {
        if (records.isEmpty()) {
            return;
        }
        long span = Math.max(1, records.getLast().date().toEpochDay() - records.getFirst().date().toEpochDay());
        long minGap = Math.max(20, span / 14);
        LocalDate lastLabelled = null;
        for (int i = 0; i < records.size(); i++) {
            Observation record = records.get(i);
            boolean latest = i == records.size() - 1;
            boolean crowded = lastLabelled != null && record.date().toEpochDay() - lastLabelled.toEpochDay() < minGap;
            boolean crowdsLatest = !latest && records.getLast().date().toEpochDay() - record.date().toEpochDay() < minGap;
            if ((crowded || crowdsLatest) && !latest) {
                continue;
            }
            String name = record.name().length() > 26 ? record.name().substring(0, 25) + "…" : record.name();
            XYTextAnnotation label = new XYTextAnnotation(" " + name + " ", millis(record.date()), record.value());
            label.setFont(LABEL);
            label.setPaint(color.darker());
            TextAnchor anchor = above ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT;
            if (latest) {
                anchor = above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT;
            }
            label.setTextAnchor(anchor);
            label.setRotationAnchor(anchor);
            label.setRotationAngle(above ? -Math.PI / 12 : Math.PI / 12);
            plot.addAnnotation(label);
            lastLabelled = record.date();
        }
    }

    static double millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 12 * 3600_000L;
    }
}
