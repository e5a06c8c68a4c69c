package dev.gapwise.gap.report;

import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * A dashed arrow from the leader model that set a level to the follower model that caught up with it, with
 * its head at the follower. Drawn in screen space so the head keeps its shape whatever the axes' scales.
 */
final class CatchUpArrow extends AbstractXYAnnotation {
    private static final double HEAD_LENGTH = 8;
    private static final double HEAD_HALF_WIDTH = 3.5;

    private final double fromX;
    private final double fromY;
    private final double toX;
    private final double toY;
    private final Color color;

    CatchUpArrow(double fromX, double fromY, double toX, double toY, Color color) {
        this.fromX = fromX;
        this.fromY = fromY;
        this.toX = toX;
        this.toY = toY;
        this.color = color;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge domainEdge = plot.getDomainAxisEdge();
        RectangleEdge rangeEdge = plot.getRangeAxisEdge();
        double x0 = domainAxis.valueToJava2D(fromX, dataArea, domainEdge);
        double y0 = rangeAxis.valueToJava2D(fromY, dataArea, rangeEdge);
        double x1 = domainAxis.valueToJava2D(toX, dataArea, domainEdge);
        double y1 = rangeAxis.valueToJava2D(toY, dataArea, rangeEdge);
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (length < 1) {
            return;
        }
        g2.setPaint(color);
        g2.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
        double ux = (x1 - x0) / length;
        double uy = (y1 - y0) / length;
        double baseX = x1 - ux * HEAD_LENGTH;
        double baseY = y1 - uy * HEAD_LENGTH;
        g2.draw(new Line2D.Double(x0, y0, baseX, baseY));
        Path2D head = new Path2D.Double();
        head.moveTo(x1, y1);
        head.lineTo(baseX - uy * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH);
        head.lineTo(baseX + uy * HEAD_HALF_WIDTH, baseY - ux * HEAD_HALF_WIDTH);
        head.closePath();
        g2.setStroke(new BasicStroke(1f));
        g2.fill(head);
    }
}
