package dev.gapwise.gap.method;

import dev.gapwise.catalog.Scale;
import dev.gapwise.gap.Frontier;

import java.util.ArrayList;
import java.util.List;

/** Default score levels for the threshold methods. */
final class Levels {
    private Levels() {
    }

    /**
     * 35 %, 40 %, … 95 % for accuracies (EVALUATION.md §1b); otherwise {@code count} evenly spaced levels
     * between the higher of the two frontiers' first records and the leader's best, rounded to whole units
     * when the range is wide enough.
     */
    static List<Double> fixed(Scale scale, Frontier leader, Frontier follower, int count) {
        if (scale == Scale.ACCURACY) {
            List<Double> levels = new ArrayList<>();
            for (int percent = 35; percent <= 95; percent += 5) {
                levels.add(percent / 100.0);
            }
            return levels;
        }
        return spread(leader, follower, count);
    }

    /** Fine levels for the grid method: every percentage point, or {@code count} steps on other scales. */
    static List<Double> grid(Scale scale, Frontier leader, Frontier follower, int count) {
        if (scale == Scale.ACCURACY) {
            List<Double> levels = new ArrayList<>();
            for (int percent = 1; percent <= 99; percent++) {
                levels.add(percent / 100.0);
            }
            return levels;
        }
        return spread(leader, follower, count);
    }

    private static List<Double> spread(Frontier leader, Frontier follower, int count) {
        if (leader.isEmpty() || follower.isEmpty()) {
            return List.of();
        }
        double low = Math.max(leader.records().getFirst().value(), follower.records().getFirst().value());
        double high = leader.best().orElseThrow();
        if (high <= low) {
            return List.of();
        }
        boolean whole = high - low >= count;
        List<Double> levels = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            double level = low + (high - low) * k / count;
            levels.add(whole ? Math.floor(level) : level);
        }
        return levels.stream().distinct().toList();
    }
}
