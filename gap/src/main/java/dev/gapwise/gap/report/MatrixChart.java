package dev.gapwise.gap.report;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.matrix.Quadrant;
import dev.gapwise.gap.matrix.QuadrantMatrix;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.List;

/** The four quadrant frontiers and the overall frontier on one chart, the latest record of each labelled. */
public final class MatrixChart {
    private static final Color[] COLOURS = {new Color(0x1f, 0x4e, 0x9a), new Color(0x6b, 0xae, 0xd6),
            new Color(0xb3, 0x00, 0x00), new Color(0xf0, 0x8a, 0x24)};

    private MatrixChart() {
    }

    /** Writes {@code BENCHMARK-matrix.svg} and {@code .png} into {@code dir}. */
    public static List<Path> write(QuadrantMatrix.Report report, Path dir) {
        return GapCharts.write(chart(report), dir, report.series().benchmark().id() + "-matrix");
    }

    public static JFreeChart chart(QuadrantMatrix.Report report) {
        Benchmark benchmark = report.series().benchmark();
        TimeSeriesCollection steps = new TimeSeriesCollection();
        steps.addSeries(GapCharts.frontierSeries(report.series(), Group.ALL, "overall frontier"));
        for (Quadrant quadrant : Quadrant.values()) {
            steps.addSeries(GapCharts.frontierSeries(report.series(), quadrant.group(), quadrant.label()));
        }
        ValueAxis value = benchmark.scale() == Scale.COMPUTE ? new LogAxis(benchmark.displayName())
                : new NumberAxis(benchmark.displayName() + (benchmark.scale() == Scale.ACCURACY ? " (accuracy)" : ""));
        if (value instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
        }
        XYStepRenderer renderer = new XYStepRenderer();
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {5f, 4f}, 0f));
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i + 1, COLOURS[i]);
            renderer.setSeriesStroke(i + 1, new BasicStroke(2.2f));
        }
        XYPlot plot = new XYPlot(steps, ChartStyle.dateAxis("release date"), value, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        for (int i = 0; i < Quadrant.values().length; i++) {
            List<Observation> records = report.series().frontier(Quadrant.values()[i].group()).records();
            if (!records.isEmpty()) {
                Observation best = records.getLast();
                XYTextAnnotation label = new XYTextAnnotation(best.name() + " ",
                        ChartStyle.millis(report.series().asOf()), best.value());
                label.setFont(new Font("SansSerif", Font.PLAIN, 9));
                label.setPaint(COLOURS[i].darker());
                label.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = new JFreeChart("US and China, closed and open — " + benchmark.displayName(),
                new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle(MatrixTables.headline(report), new Font("SansSerif", Font.PLAIN, 11)));
        chart.addSubtitle(new TextTitle("each line = best score released so far by that quadrant; dashed = all models;"
                + " data: " + report.series().snapshot().label(), new Font("SansSerif", Font.PLAIN, 11)));
        ChartStyle.finish(chart);
        return chart;
    }
}
