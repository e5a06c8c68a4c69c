package dev.gapwise.gap.report;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Frontier;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.Observation;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.method.LagEvent;
import dev.gapwise.gap.method.LagOverTime;
import dev.gapwise.gap.method.LagResult;
import dev.gapwise.gap.method.Method;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Charts of a gap report, drawn with JFreeChart and written as SVG (JFreeSVG) and PNG: for each group pair,
 * both frontiers over time with every model as a dot and the catch-ups of method (a) as arrows; and the
 * lag over time — the daily sawtooth of method (d) with its half-year means.
 */
public final class GapCharts {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final Color LEADER = new Color(0x1f, 0x4e, 0x9a);
    private static final Color FOLLOWER = new Color(0xd9, 0x5f, 0x02);
    private static final Color ARROW = new Color(0x55, 0x55, 0x55);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private GapCharts() {
    }

    /** Writes every chart of the report into {@code dir}; returns the files written. */
    public static List<Path> writeAll(GapReport report, Path dir) {
        List<Path> written = new ArrayList<>();
        for (GapReport.Section section : report.sections()) {
            String stem = report.benchmark().id() + "-" + section.comparison().id();
            written.addAll(write(frontiers(report, section), dir, stem + "-frontiers"));
            lagOverTime(report, section).ifPresent(chart -> written.addAll(write(chart, dir, stem + "-lag")));
        }
        return written;
    }

    /** Both frontiers with all models and catch-up arrows. */
    public static JFreeChart frontiers(GapReport report, GapReport.Section section) {
        Benchmark benchmark = report.benchmark();
        Group leader = section.comparison().leader();
        Group follower = section.comparison().follower();
        TimeSeriesCollection steps = new TimeSeriesCollection();
        steps.addSeries(frontierSeries(report, leader, leader.label() + " frontier"));
        steps.addSeries(frontierSeries(report, follower, follower.label() + " frontier"));
        TimeSeriesCollection dots = new TimeSeriesCollection();
        dots.addSeries(modelSeries(report, leader, ChartStyle.models(leader)));
        dots.addSeries(modelSeries(report, follower, ChartStyle.models(follower)));

        DateAxis time = ChartStyle.dateAxis("release date");
        ValueAxis value = benchmark.scale() == Scale.COMPUTE ? new LogAxis(benchmark.displayName())
                : new NumberAxis(benchmark.displayName() + (benchmark.scale() == Scale.ACCURACY ? " (accuracy)" : ""));
        if (value instanceof NumberAxis number) {
            number.setAutoRangeIncludesZero(false);
        }
        XYStepRenderer stepRenderer = new XYStepRenderer();
        stepRenderer.setSeriesPaint(0, LEADER);
        stepRenderer.setSeriesPaint(1, FOLLOWER);
        stepRenderer.setSeriesStroke(0, new BasicStroke(2.2f));
        stepRenderer.setSeriesStroke(1, new BasicStroke(2.2f));
        XYPlot plot = new XYPlot(steps, time, value, stepRenderer);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true);
        dotRenderer.setSeriesPaint(0, translucent(LEADER));
        dotRenderer.setSeriesPaint(1, translucent(FOLLOWER));
        dotRenderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        dotRenderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setDataset(1, dots);
        plot.setRenderer(1, dotRenderer);
        section.lags().stream().filter(l -> l.method() == Method.DISCRETE_CATCH_UP).findFirst()
                .ifPresent(lag -> lag.events().forEach(event -> plot.addAnnotation(arrow(event))));
        ChartStyle.labelRecords(plot, report.series().frontier(leader).records(), LEADER, true);
        ChartStyle.labelRecords(plot, report.series().frontier(follower).records(), FOLLOWER, false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(section.comparison().label() + " — " + benchmark.displayName(),
                new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle("frontier = best score released so far, labelled at each new record; arrows ="
                + " catch-ups, method (a); data: " + report.snapshot().label() + ", scores as of " + report.series().asOf(),
                new Font("SansSerif", Font.PLAIN, 11)));
        ChartStyle.finish(chart);
        return chart;
    }

    /** The day-by-day lag of method (d) and its half-year means; empty when method (d) has no curve. */
    public static java.util.Optional<JFreeChart> lagOverTime(GapReport report, GapReport.Section section) {
        java.util.Optional<LagResult> backward = section.lags().stream()
                .filter(l -> l.method() == Method.BACKWARD_LAG && !l.curve().isEmpty()).findFirst();
        if (backward.isEmpty()) {
            return java.util.Optional.empty();
        }
        TimeSeries daily = new TimeSeries("daily lag, method (d)");
        for (LagResult.Point point : backward.get().curve()) {
            daily.addOrUpdate(day(point.date()), point.months());
        }
        TimeSeries halfYears = new TimeSeries("half-year mean");
        for (LagOverTime.Window window : section.trend()) {
            if (window.months().isPresent()) {
                halfYears.addOrUpdate(day(window.from()), window.months().getAsDouble());
                halfYears.addOrUpdate(day(window.to()), window.months().getAsDouble());
            }
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        data.addSeries(daily);
        data.addSeries(halfYears);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x88, 0x88, 0x88));
        renderer.setSeriesPaint(1, FOLLOWER);
        renderer.setSeriesStroke(1, new BasicStroke(2.5f));
        NumberAxis months = new NumberAxis("months behind");
        XYPlot plot = new XYPlot(data, ChartStyle.dateAxis("date"), months, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(section.comparison().label() + " — lag over time ("
                + report.benchmark().displayName() + ")", new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.addSubtitle(new TextTitle("days since the leader frontier was last no better than the follower's; data: "
                + report.snapshot().label() + ", scores as of " + report.series().asOf(), new Font("SansSerif", Font.PLAIN, 11)));
        ChartStyle.finish(chart);
        return java.util.Optional.of(chart);
    }

    /** Writes a chart as {@code stem.svg} and {@code stem.png}. */
    public static List<Path> write(JFreeChart chart, Path dir, String stem) {
        try {
            Files.createDirectories(dir);
            SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
            svg.setDefsKeyPrefix(stem + "-"); // fixed ids: the same chart gives the same file
            chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
            Path svgFile = dir.resolve(stem + ".svg");
            Files.writeString(svgFile, svg.getSVGDocument());
            Path pngFile = dir.resolve(stem + ".png");
            ChartUtils.saveChartAsPNG(pngFile.toFile(), chart, WIDTH, HEIGHT);
            return List.of(svgFile, pngFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write charts to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static TimeSeries frontierSeries(GapReport report, Group group, String label) {
        return frontierSeries(report.series(), group, label);
    }

    /** A group's frontier as steps, carried to the date the scores describe. */
    static TimeSeries frontierSeries(dev.gapwise.gap.Series scores, Group group, String label) {
        TimeSeries series = new TimeSeries(label);
        Frontier frontier = scores.frontier(group);
        for (Observation record : frontier.records()) {
            series.addOrUpdate(day(record.date()), record.value());
        }
        frontier.best().ifPresent(best -> series.addOrUpdate(day(scores.asOf()), best));
        return series;
    }

    private static TimeSeries modelSeries(GapReport report, Group group, String label) {
        TimeSeries series = new TimeSeries(label);
        for (Observation observation : report.series().of(group)) {
            Day day = day(observation.date());
            Number previous = series.getValue(day);
            if (previous == null || previous.doubleValue() < observation.value()) {
                series.addOrUpdate(day, observation.value());
            }
        }
        return series;
    }

    private static CatchUpArrow arrow(LagEvent event) {
        return new CatchUpArrow(millis(event.leader().date()), event.leader().value(),
                millis(event.follower().date()), event.follower().value(), ARROW);
    }

    private static Color translucent(Color color) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), 110);
    }

    static Day day(LocalDate date) {
        return new Day(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), java.util.TimeZone.getTimeZone("UTC"),
                java.util.Locale.ROOT);
    }

    private static double millis(LocalDate date) {
        return ChartStyle.millis(date);
    }
}
