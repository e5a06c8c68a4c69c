package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.compare.ModelComparison;
import dev.gapwise.gap.compare.RankGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top model against the k-th over a whole leaderboard snapshot ("top vs 10th-ranked model", "rank 2 vs rank 1",
 * "top two models"), with {@link RankGap}. A figure dated by month is computed on every snapshot of the month of the
 * chosen kind; the one matching the published value at its rounding is taken (else the nearest), and the notes give
 * the month's range and which kind of ratings was used.
 */
final class RankFigures {
    private static final Pattern RANKED = Pattern.compile("(\\d+)(?:st|nd|rd|th)?[- ](?:ranked|place)");
    private static final Pattern RANK = Pattern.compile("rank (\\d+)");
    private static final Map<String, Integer> WORDS = Map.of("second", 2, "third", 3, "fifth", 5, "tenth", 10,
            "top two", 2, "top 2", 2, "top three", 3);

    private RankFigures() {
    }

    /** The k a comparison names ("10th-ranked", "rank 10", "top two"), if it names one. */
    static OptionalInt rank(String comparison) {
        String text = comparison.toLowerCase(Locale.ROOT);
        for (Pattern pattern : List.of(RANKED, RANK)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int k = Integer.parseInt(matcher.group(1));
                if (k >= 2) {
                    return OptionalInt.of(k);
                }
            }
        }
        for (Map.Entry<String, Integer> word : WORDS.entrySet()) {
            if (text.contains(word.getKey())) {
                return OptionalInt.of(word.getValue());
            }
        }
        return OptionalInt.empty();
    }

    static Optional<Computation> compute(ReferenceFigure figure, List<Dataset> datasets) {
        OptionalInt k = rank(figure.comparison());
        if (k.isEmpty() || !figure.words(figure.metric()).contains("score gap")) {
            return Optional.empty();
        }
        String board = Benchmarks.resolveId(figure.benchmark());
        Optional<Period> period = Period.parse(figure.asOf());
        if (period.isEmpty()) {
            return Optional.of(new Computation.NotComputable("cannot read the date '" + figure.asOf()
                    + "': write YYYY-MM-DD, YYYY-MM, 'end of YYYY' or 'A to B'"));
        }
        RankGap.Choice choice = RankGap.snapshots(datasets, board, period.get().from(), period.get().to());
        if (choice.snapshots().isEmpty()) {
            return Optional.of(new Computation.NotComputable("no " + board + " leaderboard snapshot between "
                    + period.get().from() + " and " + period.get().to() + " in the data"));
        }
        boolean percent = figure.words(figure.unit()).contains("percent");
        List<RankGap> gaps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RankGap.Snapshot snapshot : choice.snapshots()) {
            try {
                gaps.add(RankGap.on(snapshot.dataset(), snapshot.board(), k.getAsInt(), choice.note()));
            } catch (ModelComparison.Unanswerable e) {
                problems.add(e.getMessage());
            }
        }
        if (gaps.isEmpty()) {
            return Optional.of(new Computation.NotComputable(problems.getFirst()));
        }
        PublishedValue.Printed target = PublishedValue.parse(figure.value(), figure.unit()).numbers().get("headline");
        RankGap chosen = gaps.stream().filter(g -> target != null && Reproducer.matches(value(g, percent), target))
                .findFirst().orElseGet(() -> gaps.stream().min(Comparator.comparingDouble(g -> target == null ? 0
                        : Math.abs(value(g, percent) - target.value()))).orElseThrow());
        double low = gaps.stream().mapToDouble(g -> value(g, percent)).min().orElseThrow();
        double high = gaps.stream().mapToDouble(g -> value(g, percent)).max().orElseThrow();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%s %.2f vs #%d %s %.2f on %s (%s); the period's %d snapshots give %.2f to"
                        + " %.2f%s", chosen.top().name(), chosen.topRating(), k.getAsInt(), chosen.kth().name(),
                chosen.kthRating(), chosen.board().date(), choice.note(), gaps.size(), low, high, percent ? " %" : " points"));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("headline", value(chosen, percent));
        return Optional.of(new Computation.Computed(values, (percent ? "(top − #k) / #k × 100" : "top − #k")
                + " over every model of one leaderboard snapshot, k = " + k.getAsInt(),
                chosen.dataset().snapshot().name() + " snapshot " + chosen.board().date(), notes));
    }

    private static double value(RankGap gap, boolean percent) {
        return percent ? gap.percent() : gap.points();
    }
}
