package dev.gapwise.routing.lab.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Average improvement in quality (RouterBench): the area under the non-decreasing upper convex hull of a
 * router's (cost, quality) operating points over [cheapest, dearest single model], divided by that width. Below a
 * router's cheapest point the hull is flat at that point's quality, above its dearest point flat at the best.
 */
public final class Aiq {
    private Aiq() {
    }

    /** One operating point. */
    public record Point(double cost, double quality) {
    }

    /** AIQ of {@code points} over the cost range [from, to]. */
    public static double of(List<Point> points, double from, double to) {
        List<Point> hull = hull(points);
        if (to <= from) {
            return hull.getLast().quality();
        }
        int steps = 2000;
        double area = 0;
        for (int s = 0; s <= steps; s++) {
            double cost = from + (to - from) * s / steps;
            double value = valueAt(hull, cost);
            area += (s == 0 || s == steps) ? value / 2 : value;
        }
        return area / steps;
    }

    /** The non-decreasing upper convex hull, sorted by cost. */
    static List<Point> hull(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::cost).thenComparing(Point::quality, Comparator.reverseOrder()));
        List<Point> upper = new ArrayList<>();
        for (Point p : sorted) {
            if (!upper.isEmpty() && p.quality() <= upper.getLast().quality()) {
                continue; // dominated: costs more, not better
            }
            while (upper.size() >= 2 && cross(upper.get(upper.size() - 2), upper.getLast(), p) >= 0) {
                upper.removeLast();
            }
            upper.add(p);
        }
        return upper;
    }

    private static double cross(Point a, Point b, Point c) {
        return (b.cost() - a.cost()) * (c.quality() - a.quality()) - (b.quality() - a.quality()) * (c.cost() - a.cost());
    }

    static double valueAt(List<Point> hull, double cost) {
        if (cost <= hull.getFirst().cost()) {
            return hull.getFirst().quality();
        }
        for (int i = 1; i < hull.size(); i++) {
            Point left = hull.get(i - 1);
            Point right = hull.get(i);
            if (cost <= right.cost()) {
                double t = (cost - left.cost()) / (right.cost() - left.cost());
                return left.quality() + t * (right.quality() - left.quality());
            }
        }
        return hull.getLast().quality();
    }
}
