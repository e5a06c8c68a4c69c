package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.lab.eval.QualityCurve;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The cost–quality chart: quality (as a share of the strong model's) against the share of strong calls. */
final class CurveChart {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 480;

    private CurveChart() {
    }

    static JFreeChart chart(String title, Map<String, QualityCurve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, curve) -> {
            XYSeries series = new XYSeries(name);
            for (int g = 0; g <= QualityCurve.GRID; g += 4) {
                series.add(100.0 * g / QualityCurve.GRID, 100 * curve.quality(g) / curve.strongQuality());
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "strong-model calls (% of requests)",
                "quality (% of the strong model's)", data, PlotOrientation.VERTICAL, true, false, false);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.getDomainAxis().setRange(0, 100);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        for (int series = 0; series < data.getSeriesCount(); series++) {
            plot.getRenderer().setSeriesStroke(series, new java.awt.BasicStroke(series == 0 ? 1.5f : 2f));
        }
        return chart;
    }

    static String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return graphics.getSVGDocument();
    }

    static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(bytes, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
