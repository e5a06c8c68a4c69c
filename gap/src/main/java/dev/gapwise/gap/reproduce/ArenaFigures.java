package dev.gapwise.gap.reproduce;

import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Leaderboard;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.method.ScoreGap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Arena score gaps: the top-rated model of each group on one leaderboard snapshot, as points or as
 * (A − B) / B × 100. A figure dated by month ("2025-02") does not say which snapshot of the month was used,
 * so every comparable snapshot of the month in every Arena dataset is computed; the result is the one that
 * matches the published value at its rounding if any does (else the nearest), and the note gives the
 * month's full range so the choice is visible. Online-Elo snapshots are not comparable with displayed
 * ratings and are never used.
 */
final class ArenaFigures {
    private ArenaFigures() {
    }

    static Computation compute(ReferenceFigure figure, List<Dataset> datasets, Optional<Comparison> comparison) {
        if (comparison.isEmpty()) {
            return new Computation.NotComputable("groups '" + figure.comparison() + "' are not a pair Gapwise forms:"
                    + " write open vs closed, US vs China or open vs SOTA, or 'top vs k-th ranked' for a rank gap");
        }
        String[] periods = figure.asOf().split("\\s+vs\\s+");
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String snapshot = "";
        boolean percent = figure.words(figure.unit()).contains("percent");
        PublishedValue published = PublishedValue.parse(figure.value(), figure.unit());
        List<String> labels = List.copyOf(published.numbers().keySet());
        for (int i = 0; i < periods.length; i++) {
            Optional<Period> period = Period.parse(periods[i]);
            if (period.isEmpty()) {
                return new Computation.NotComputable("cannot read the date '" + periods[i] + "'");
            }
            List<Candidate> candidates = candidates(datasets, comparison.get(), period.get());
            if (candidates.isEmpty()) {
                return new Computation.NotComputable("no Arena snapshot with comparable (displayed or Bradley-Terry)"
                        + " ratings between " + period.get().from() + " and " + period.get().to()
                        + unusable(datasets, period.get()));
            }
            String label = i < labels.size() ? labels.get(i) : "value" + i;
            PublishedValue.Printed target = published.numbers().get(label);
            Candidate chosen = choose(candidates, percent, target);
            values.put(label, value(chosen.gap(), percent));
            snapshot = chosen.dataset().snapshot().name() + " snapshot " + chosen.gap().date();
            DoubleSummary range = DoubleSummary.of(candidates.stream().map(c -> value(c.gap(), percent)).toList());
            notes.add(periods[i].strip() + ": " + chosen.gap().leaderTop().name() + " " + chosen.gap().leaderTop().score()
                    + " vs " + chosen.gap().followerTop().name() + " " + chosen.gap().followerTop().score() + " on "
                    + chosen.gap().date() + "; the period's " + candidates.size() + " snapshots give "
                    + range.format() + (percent ? " %" : " points"));
        }
        return new Computation.Computed(values, (percent ? "(top A − top B) / top B × 100" : "top A − top B")
                + " on one Arena snapshot, " + comparison.get().label(), snapshot, notes);
    }

    private record Candidate(Dataset dataset, ScoreGap gap) {
    }

    private static List<Candidate> candidates(List<Dataset> datasets, Comparison comparison, Period period) {
        List<Candidate> candidates = new ArrayList<>();
        for (Dataset dataset : datasets) {
            for (Leaderboard board : dataset.leaderboards()) {
                if (board.date().isBefore(period.from()) || board.date().isAfter(period.to())
                        || board.ratingKind().toLowerCase(Locale.ROOT).contains("online")) {
                    continue;
                }
                ScoreGap.onLeaderboard(dataset, board, comparison).ifPresent(g -> candidates.add(new Candidate(dataset, g)));
            }
        }
        return candidates;
    }

    private static String unusable(List<Dataset> datasets, Period period) {
        boolean online = datasets.stream().flatMap(d -> d.leaderboards().stream())
                .anyMatch(b -> !b.date().isBefore(period.from()) && !b.date().isAfter(period.to())
                        && b.ratingKind().toLowerCase(Locale.ROOT).contains("online"));
        return online ? " (the data has only online-Elo ratings then, a different scale from the displayed one)" : "";
    }

    private static Candidate choose(List<Candidate> candidates, boolean percent, PublishedValue.Printed target) {
        if (target == null) {
            return candidates.getLast();
        }
        Optional<Candidate> exact = candidates.stream()
                .filter(c -> Reproducer.matches(value(c.gap(), percent), target)).findFirst();
        return exact.orElseGet(() -> candidates.stream()
                .min(Comparator.comparingDouble(c -> Math.abs(value(c.gap(), percent) - target.value()))).orElseThrow());
    }

    private static double value(ScoreGap gap, boolean percent) {
        return percent ? gap.percent() : gap.points();
    }

    /** Min and max of a few values, for notes. */
    private record DoubleSummary(double min, double max) {
        static DoubleSummary of(List<Double> values) {
            return new DoubleSummary(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }

        String format() {
            return String.format(Locale.ROOT, "%.2f to %.2f", min, max);
        }
    }
}
