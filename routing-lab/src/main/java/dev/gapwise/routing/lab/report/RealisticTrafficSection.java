package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.Complexity;
import dev.gapwise.routing.RouteDecision;
import dev.gapwise.routing.Router;
import dev.gapwise.routing.classify.ComplexityClassifier;
import dev.gapwise.routing.classify.RiskAssessment;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.Proportion;
import dev.gapwise.routing.lab.traffic.RoutedTraffic;
import dev.gapwise.routing.lab.traffic.TrafficSlices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The realistic-traffic section of {@code gapwise eval routing}: every held-out request routed by the shipped
 * router under the built-in policy over the bundled catalog, read per slice ({@link TrafficSlices}) — high-stakes
 * recall with its misses, routine escalation per task type, the unlabelled real prompts, complexity against the
 * difficulty labels, and the cost of a mixed workload against the all-frontier baseline.
 */
final class RealisticTrafficSection {
    /** Shares of the mixed workload: routine, general, high-stakes (DESIGN and EVALUATION.md §2). */
    static final double ROUTINE_SHARE = 0.60;
    static final double GENERAL_SHARE = 0.25;
    static final double HIGH_SHARE = 0.15;

    /** The numbers the targets table needs. */
    record Result(Map<String, Proportion> recall, Map<String, Proportion> critical, Map<String, Proportion> above,
                  Proportion intents, double costShare, long highStakesOffFrontier, long highStakes) {
    }

    private RealisticTrafficSection() {
    }

    static Result write(Markdown out, Corpus corpus, Router router, ComplexityClassifier complexity, int sample,
                        Consumer<String> progress) {
        List<CorpusRow> rows = sample > 0 ? sampled(corpus.heldOut(), sample) : corpus.heldOut();
        progress.accept("routing " + rows.size() + " held-out requests");
        long started = System.nanoTime();
        RoutedTraffic traffic = RoutedTraffic.route(router, rows);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.heading(2, "1. Realistic traffic");
        out.paragraph("Every held-out request of the classifier corpus (docs/routing.md, \"The corpus\") routed by "
                + "`Router` with the shipped classifiers, the built-in policy and the bundled catalog, as a one-turn "
                + "request to `auto` without a key (multi-turn rows with their earlier turns). Held out means: rows "
                + "whose licence makes them evaluation-only (never trained on, never used to fit a threshold), and the "
                + "test split (hash buckets 8–9 of the text) of trainable sources, including the requests written here. "
                + "High-stakes recall = share that reached the `" + traffic.policyCritical() + "` tier; escalation = "
                + "share that left the `" + traffic.policyRoutine() + "` tier. Intervals are 95 % Wilson intervals."
                + (sample > 0 ? " **Reduced sample: at most " + sample + " rows per source** (the CI run)." : ""));
        Result recall = highStakes(out, traffic);
        Map<String, Proportion> critical = new LinkedHashMap<>();
        Map<String, Proportion> above = new LinkedHashMap<>();
        Proportion intents = routine(out, traffic, critical, above);
        unlabelled(out, traffic);
        secondOpinion(out, traffic, seconds);
        complexity(out, corpus, complexity, sample);
        double[] cost = mixedWorkload(out, traffic);
        return new Result(recall.recall(), critical, above, intents, cost[0], (long) cost[1], (long) cost[2]);
    }

    private static Result highStakes(Markdown out, RoutedTraffic traffic) {
        out.heading(3, "High-stakes requests: recall");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Proportion> recall = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Map.Entry<String, Predicate<CorpusRow>> slice : TrafficSlices.highStakes().entrySet()) {
            Proportion share = traffic.share(slice.getValue(), traffic::critical);
            recall.put(slice.getKey(), share);
            boolean target = TrafficSlices.targetSlices().contains(slice.getKey());
            rows.add(List.of(slice.getKey(), String.valueOf(share.total()), share.toString(),
                    String.valueOf(share.total() - share.successes()),
                    target ? verdict(share.value() - 0.98, "≥ 0.98") : "—"));
            traffic.slice(slice.getValue()).stream().filter(r -> !traffic.critical(r.decision()))
                    .sorted(Comparator.comparingLong(r -> Split.hash32("miss:" + r.row().id()))).limit(3)
                    .forEach(r -> misses.add(String.format(Locale.ROOT, "%s — \"%s\" (%s; went to %s)",
                            shortName(slice.getKey()), excerpt(r.row().text()), r.decision().risk().reason(),
                            r.decision().tier())));
        }
        out.table(List.of("slice", "n", "recall [95 % CI] (hits/n)", "missed", "target"), rows);
        if (!misses.isEmpty()) {
            out.paragraph("Misses, up to three per slice (a hash sample; texts cut to 90 characters):");
            misses.forEach(m -> out.line("- " + m));
            out.line("");
        }
        return new Result(recall, Map.of(), Map.of(), null, 0, 0, 0);
    }

    private static Proportion routine(Markdown out, RoutedTraffic traffic, Map<String, Proportion> critical,
                                      Map<String, Proportion> above) {
        out.heading(3, "Routine work: escalation per task type");
        List<List<String>> rows = new ArrayList<>();
        Proportion intents = null;
        for (Map.Entry<String, Predicate<CorpusRow>> slice : TrafficSlices.routine().entrySet()) {
            Proportion toCritical = traffic.share(slice.getValue(), traffic::critical);
            Proportion aboveRoutine = traffic.share(slice.getValue(), traffic::aboveRoutine);
            if (toCritical.total() == 0) {
                continue;
            }
            critical.put(slice.getKey(), toCritical);
            above.put(slice.getKey(), aboveRoutine);
            boolean isIntents = slice.getKey().startsWith("Banking77");
            if (isIntents) {
                intents = toCritical;
            }
            rows.add(List.of(slice.getKey(), String.valueOf(toCritical.total()), toCritical.toString(),
                    aboveRoutine.toString(), isIntents ? verdict(0.05 - toCritical.value(), "≤ 5 %")
                            : TrafficSlices.targeted(slice.getKey()) ? verdict(0.03 - toCritical.value(), "≤ 3 %")
                            + "; " + verdict(0.10 - aboveRoutine.value(), "≤ 10 %") : "— (not a target type)"));
        }
        out.table(List.of("slice (held-out)", "n", "to " + traffic.policyCritical() + " [95 % CI]",
                "above " + traffic.policyRoutine() + " [95 % CI]", "targets"), rows);
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, Predicate<CorpusRow>> slice : TrafficSlices.routine().entrySet()) {
            traffic.slice(slice.getValue()).stream().filter(r -> traffic.critical(r.decision()))
                    .sorted(Comparator.comparingLong(r -> Split.hash32("false:" + r.row().id()))).limit(2)
                    .forEach(r -> examples.add(String.format(Locale.ROOT, "%s — \"%s\" (%s)",
                            shortName(slice.getKey()), excerpt(r.row().text()), r.decision().risk().reason())));
        }
        if (!examples.isEmpty()) {
            out.paragraph("False alarms, up to two per slice:");
            examples.forEach(e -> out.line("- " + e));
            out.line("");
        }
        return intents;
    }

    private static void unlabelled(Markdown out, RoutedTraffic traffic) {
        out.heading(3, "Real prompts without stakes labels (for information)");
        out.paragraph("These mix everyday requests with genuine medical, legal and money questions, so neither share "
                + "is a target; they show how much of a real user population each tier would get.");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Predicate<CorpusRow>> slice : TrafficSlices.unlabelled().entrySet()) {
            Proportion toCritical = traffic.share(slice.getValue(), traffic::critical);
            if (toCritical.total() > 0) {
                rows.add(List.of(slice.getKey(), String.valueOf(toCritical.total()), toCritical.toString(),
                        traffic.share(slice.getValue(), traffic::aboveRoutine).toString()));
            }
        }
        out.table(List.of("prompts", "n", "to " + traffic.policyCritical(), "above " + traffic.policyRoutine()), rows);
    }

    private static void secondOpinion(Markdown out, RoutedTraffic traffic, double seconds) {
        long asked = traffic.routed().stream()
                .filter(r -> r.decision().risk().decidedBy() == RiskAssessment.DecidedBy.SECOND_OPINION).count();
        long terms = traffic.routed().stream()
                .filter(r -> r.decision().risk().decidedBy() == RiskAssessment.DecidedBy.TERM).count();
        out.paragraph(String.format(Locale.ROOT, "Who decided the risk verdict: the second opinion (the fast model "
                        + "unsure) on %d of %d requests (%.1f %%), a crisis term on %d, the fast model alone on the rest. "
                        + "Routing all %d took %.1f s in this run (latency: docs/benchmarks.md).", asked,
                traffic.routed().size(), 100.0 * asked / Math.max(1, traffic.routed().size()), terms,
                traffic.routed().size(), seconds));
    }

    private static void complexity(Markdown out, Corpus corpus, ComplexityClassifier complexity, int sample) {
        out.heading(3, "Complexity against difficulty labels");
        out.paragraph("Ordering check: the shipped complexity model's P(high) and level per upstream difficulty level "
                + "(FLASK 1–5 and WizardLM 1–10 are evaluation-only; FollowBench 0–5 constraints is trainable but not "
                + "a complexity label, so it is all held out here). Spearman's ρ between the difficulty and P(high).");
        List<List<String>> rows = new ArrayList<>();
        for (String source : List.of("flask", "wizardlm", "followbench")) {
            List<CorpusRow> labelled = corpus.where(r -> r.source().equals(source) && r.difficulty().isPresent());
            if (sample > 0) {
                labelled = sampled(labelled, sample * 4);
            }
            if (labelled.isEmpty()) {
                continue;
            }
            double[] difficulty = new double[labelled.size()];
            double[] high = new double[labelled.size()];
            Map<Double, long[]> byLevel = new java.util.TreeMap<>();
            for (int i = 0; i < labelled.size(); i++) {
                CorpusRow row = labelled.get(i);
                difficulty[i] = row.difficulty().getAsDouble();
                high[i] = complexity.highProbability(row.request());
                Complexity level = complexity.assess(row.request(), 1, false).complexity();
                long[] counts = byLevel.computeIfAbsent(difficulty[i], k -> new long[4]);
                counts[level.ordinal()]++;
                counts[3]++;
            }
            StringBuilder levels = new StringBuilder();
            byLevel.forEach((level, counts) -> levels.append(String.format(Locale.ROOT, "%s%.0f: %.0f %% high (n=%d)",
                    levels.isEmpty() ? "" : "; ", level, 100.0 * counts[2] / counts[3], counts[3])));
            rows.add(List.of(source, String.valueOf(labelled.size()),
                    String.format(Locale.ROOT, "%.3f", spearman(difficulty, high)), levels.toString()));
        }
        out.table(List.of("difficulty labels", "n", "Spearman ρ", "share called high by level"), rows);
        List<CorpusRow> written = corpus.where(r -> r.source().equals("written") && r.split() == Split.TEST
                && r.complexity().isPresent());
        long[][] confusion = new long[3][3];
        for (CorpusRow row : written) {
            Complexity predicted = complexity.assess(row.request(), row.context().isEmpty() ? 1 : 2, false)
                    .complexity();
            confusion[row.complexity().get().ordinal()][predicted.ordinal()]++;
        }
        List<List<String>> matrix = new ArrayList<>();
        for (Complexity level : Complexity.values()) {
            long[] r = confusion[level.ordinal()];
            matrix.add(List.of(level.id(), String.valueOf(r[0]), String.valueOf(r[1]), String.valueOf(r[2])));
        }
        out.paragraph("Written requests, held-out test split: labelled (rows) against predicted (columns).");
        out.table(List.of("labelled \\ predicted", "low", "medium", "high"), matrix);
    }

    /** [cost share, high-stakes requests off the frontier tier, high-stakes requests]. */
    private static double[] mixedWorkload(Markdown out, RoutedTraffic traffic) {
        out.heading(3, "Cost of a mixed workload");
        Predicate<CorpusRow> routine = row -> row.stakes() == Stakes.ROUTINE;
        Predicate<CorpusRow> general = row -> row.stakes() == Stakes.UNLABELLED && !row.source().equals("flask")
                && !row.source().equals("wizardlm");
        Predicate<CorpusRow> high = row -> row.stakes() == Stakes.HIGH;
        double[] routineCost = meanCost(traffic, routine);
        double[] generalCost = meanCost(traffic, general);
        double[] highCost = meanCost(traffic, high);
        double cost = ROUTINE_SHARE * routineCost[0] + GENERAL_SHARE * generalCost[0] + HIGH_SHARE * highCost[0];
        double baseline = ROUTINE_SHARE * routineCost[1] + GENERAL_SHARE * generalCost[1] + HIGH_SHARE * highCost[1];
        List<RoutedTraffic.Routed> highRows = traffic.slice(high);
        long off = highRows.stream().filter(r -> !traffic.critical(r.decision())).count();
        out.paragraph(String.format(Locale.ROOT, "Workload: %.0f %% routine (held-out routine rows), %.0f %% general "
                        + "(the unlabelled real prompts), %.0f %% high-stakes (held-out high-stakes rows). Cost per "
                        + "request = the router's estimate on the chosen deployment (input tokens = characters / 4, "
                        + "output tokens = the policy's 500); baseline = the same tokens on the frontier baseline "
                        + "deployment (the cheapest deployment of the model nearest the frontier, bundled catalog). "
                        + "Mean cost per request: routine $%.6f (baseline $%.6f), general $%.6f ($%.6f), high-stakes "
                        + "$%.6f ($%.6f). **Mixed workload: %.1f %% of the all-frontier baseline** (target ≤ 35 %%). "
                        + "High-stakes requests not on the `%s` tier (so not held to its frontier-grade rule): %d of "
                        + "%d.", 100 * ROUTINE_SHARE, 100 * GENERAL_SHARE, 100 * HIGH_SHARE, routineCost[0],
                routineCost[1], generalCost[0], generalCost[1], highCost[0], highCost[1], 100 * cost / baseline,
                traffic.policyCritical(), off, highRows.size()));
        return new double[] {cost / baseline, off, highRows.size()};
    }

    /** [mean estimated cost, mean baseline cost] of a slice's decisions. */
    private static double[] meanCost(RoutedTraffic traffic, Predicate<CorpusRow> slice) {
        List<RoutedTraffic.Routed> rows = traffic.slice(slice);
        double cost = 0;
        double baseline = 0;
        for (RoutedTraffic.Routed row : rows) {
            RouteDecision decision = row.decision();
            cost += decision.estimatedCost().doubleValue();
            baseline += decision.baselineCost().orElse(BigDecimal.ZERO).doubleValue();
        }
        return new double[] {cost / Math.max(1, rows.size()), baseline / Math.max(1, rows.size())};
    }

    /** At most {@code perSource} rows of each source, a hash sample. */
    static List<CorpusRow> sampled(List<CorpusRow> rows, int perSource) {
        Map<String, Integer> taken = new java.util.HashMap<>();
        return rows.stream().sorted(Comparator.comparingLong(r -> Split.hash32("eval:" + r.id())))
                .filter(r -> taken.merge(r.source() + "/" + r.stakes() + "/" + r.task(), 1, Integer::sum)
                        <= perSource).toList();
    }

    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = java.util.Arrays.stream(ra).average().orElse(0);
        double mb = java.util.Arrays.stream(rb).average().orElse(0);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < ra.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    /** Average ranks (ties share their mean rank). */
    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static String verdict(double margin, String bar) {
        return margin >= 0 ? "met (" + bar + ")" : String.format(Locale.ROOT, "**missed** by %.1f points (%s)",
                -100 * margin, bar);
    }

    private static String excerpt(String text) {
        String flat = text.replace('\n', ' ').replace('|', '/').strip();
        return flat.length() <= 90 ? flat : flat.substring(0, 87) + "...";
    }

    private static String shortName(String slice) {
        int cut = slice.indexOf(" (");
        return cut < 0 ? slice : slice.substring(0, cut);
    }
}
