package dev.gapwise.cli;

import dev.gapwise.catalog.Benchmarks;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.gap.Series;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.compare.ModelComparison;
import dev.gapwise.gap.compare.PooledLag;
import dev.gapwise.gap.compare.RankGap;
import dev.gapwise.gap.report.ComparisonReports;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The comparisons {@code gapwise gap} makes besides group against group: {@code --model A --vs B}, {@code --rank K}
 * and a comma-separated {@code -b} list pooled with {@code --pool}. Each bad input is one line naming the problem.
 */
final class GapComparisons {
    private final GapCommand options;

    GapComparisons(GapCommand options) {
        this.options = options;
    }

    void run() {
        int kinds = (options.model != null || options.versus != null ? 1 : 0) + (options.rank != null ? 1 : 0)
                + (options.benchmark.contains(",") || options.pool != null ? 1 : 0);
        if (kinds > 1) {
            throw new UserException("--model/--vs, --rank and a benchmark list with --pool are separate comparisons;"
                    + " give one of them");
        }
        if (!List.of("table", "json").contains(options.format)) {
            throw new UserException("--format must be table or json for this comparison, not '" + options.format + "'");
        }
        Catalog catalog = options.catalogOptions.load(options.spec.commandLine().getErr());
        PrintWriter out = options.spec.commandLine().getOut();
        try {
            if (options.model != null || options.versus != null) {
                models(catalog, out);
            } else if (options.rank != null) {
                rank(catalog, out);
            } else {
                pooled(catalog, out);
            }
        } catch (ModelComparison.Unanswerable | GapAnalysis.UnanswerableException e) {
            throw new UserException(e.getMessage());
        }
        out.flush();
    }

    private void models(Catalog catalog, PrintWriter out) {
        if (options.model == null || options.versus == null) {
            throw new UserException("--model and --vs go together: --model 'Llama 3.1 405B' --vs 'GPT-4 (original)'");
        }
        String benchmark = Benchmarks.resolveId(options.benchmark);
        List<Dataset> datasets = ordered(catalog);
        ModelComparison comparison = ModelComparison.of(datasets, benchmark, options.model, options.versus,
                options.tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(options.tolerance));
        out.print(options.format.equals("json") ? ComparisonReports.json(comparison) + "\n"
                : ComparisonReports.text(comparison));
    }

    private void rank(Catalog catalog, PrintWriter out) {
        if (options.rank < 2) {
            throw new UserException("--rank must be 2 or more, not " + options.rank);
        }
        String board = options.benchmark.equals("eci") ? "arena_text" : Benchmarks.resolveId(options.benchmark);
        List<Dataset> datasets = ordered(catalog);
        if (datasets.stream().flatMap(d -> d.leaderboards().stream()).noneMatch(b -> b.board().equals(board))) {
            throw new UserException("no leaderboard '" + board + "' in the data; --rank needs leaderboard snapshots"
                    + " such as arena_text (import LMArena tables with --data DIR)");
        }
        LocalDate upTo = GapCommand.date("--date", options.date).orElse(LocalDate.MAX);
        RankGap gap = RankGap.latest(datasets, board, upTo, options.rank);
        out.print(options.format.equals("json") ? ComparisonReports.json(gap) + "\n"
                : ComparisonReports.text(gap, LocalDate.now()));
    }

    private void pooled(Catalog catalog, PrintWriter out) {
        PooledLag.Statistic statistic = options.pool == null ? PooledLag.Statistic.MEAN
                : PooledLag.Statistic.parse(options.pool).orElseThrow(() -> new UserException("--pool must be mean,"
                + " median, p5 or p95, not '" + options.pool + "'"));
        List<String> names = Arrays.stream(options.benchmark.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        if (names.size() < 2) {
            throw new UserException("--pool needs two or more benchmarks: -b mmlu,gpqa_diamond,math_level_5");
        }
        GapRequest first = options.request(names.getFirst());
        if (first.methods().size() != 1) {
            throw new UserException("pooling runs one method: add -m with one of a-f (e.g. -m a)");
        }
        if (first.comparisons().size() != 1) {
            throw new UserException("pooling compares one group pair: give one -g or --leader/--follower");
        }
        List<Series> series = new ArrayList<>();
        for (String name : names) {
            GapRequest request = options.request(name);
            Dataset dataset = GapAnalysis.chosenDataset(catalog, request).orElseThrow(() -> new UserException(
                    "unknown benchmark '" + name + "' in the list"));
            series.add(Series.of(dataset, Benchmarks.resolveId(name)).orElseThrow());
        }
        PooledLag pooled = PooledLag.run(series, first.comparisons().getFirst(), first.methods().getFirst(),
                s -> GapAnalysis.method(first.methods().getFirst(), s, first));
        out.print(options.format.equals("json") ? ComparisonReports.json(pooled, statistic) + "\n"
                : ComparisonReports.text(pooled, statistic, LocalDate.now()));
    }

    /** Imported data before the bundled catalog, newest first. */
    private static List<Dataset> ordered(Catalog catalog) {
        return catalog.datasets().stream().sorted(Comparator.comparing((Dataset d) -> d.snapshot().origin().equals("bundled"))
                .thenComparing(d -> d.snapshot().date(), Comparator.reverseOrder())).toList();
    }
}
