package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.Group;
import dev.gapwise.gap.analysis.GapAnalysis;
import dev.gapwise.gap.analysis.GapReport;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.method.Method;
import dev.gapwise.gap.report.GapCharts;
import dev.gapwise.gap.report.GapReportCsv;
import dev.gapwise.gap.report.GapReportJson;
import dev.gapwise.gap.report.GapReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** {@code gapwise gap}: how far open-weight and Chinese models trail, by every method. */
@Command(name = "gap", mixinStandardHelpOptions = true, subcommands = {ReproduceCommand.class, GapDocumentCommand.class, ArenaCommand.class, GapFamiliesCommand.class, GapMatrixCommand.class, GapDiffCommand.class},
        description = {"How far a follower group trails a leader group on a benchmark or index: the frontier gap,",
                "the time lag by each method (a-f of EVALUATION.md), the half-year trend and the catch-up events.",
                "With no options: ECI on the bundled catalog, open vs closed and China vs US."})
final class GapCommand implements Runnable {
    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = {"-b", "--benchmark"}, defaultValue = "eci", paramLabel = "NAME",
            description = "Benchmark or index id or name (default: ${DEFAULT-VALUE}); a comma-separated list pools one"
                    + " method over them (see --pool).")
    String benchmark;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Compare this named model with --vs NAME: when the later one reached the earlier one's score.")
    String model;

    @Option(names = "--vs", paramLabel = "NAME", description = "The other model of --model.")
    String versus;

    @Option(names = "--rank", paramLabel = "K",
            description = "Top vs rank K over every model of a leaderboard snapshot (-b arena_text; --date picks it).")
    Integer rank;

    @Option(names = "--date", paramLabel = "DATE", description = "With --rank: the snapshot on or before DATE (default: latest).")
    String date;

    @Option(names = "--pool", paramLabel = "STAT",
            description = "With several benchmarks: mean, median, p5 or p95 of the pooled lags (default: mean).")
    String pool;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Dataset to take the benchmark from (default: imported before bundled, newest first).")
    String source;

    @Option(names = {"-g", "--groups"}, paramLabel = "PAIR", split = ",",
            description = "Group pairs: open-vs-closed, china-vs-us, open-vs-sota (default: the first two).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--leader", paramLabel = "EXPR",
            description = "Custom leader group, e.g. 'access=closed,country=US' (with --follower).")
    String leader;

    @Option(names = "--follower", paramLabel = "EXPR",
            description = "Custom follower group, e.g. 'org=DeepSeek|Alibaba'.")
    String follower;

    @Option(names = "--leader-name", paramLabel = "NAME",
            description = "Name of the custom leader group in titles and file names (default: read from the expression).")
    String leaderName;

    @Option(names = "--follower-name", paramLabel = "NAME",
            description = "Name of the custom follower group (default: read from the expression).")
    String followerName;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", split = ",",
            description = "Methods by letter or name: a catch-up, b thresholds, c horizontal, d backward, "
                    + "e regression, f grid (default: all).")
    List<String> methods = new ArrayList<>();

    @Option(names = "--tolerance", paramLabel = "X",
            description = "Catch-up tolerance on the comparison scale (default: 0.02 nats for accuracies, 0 otherwise).")
    Double tolerance;

    @Option(names = "--from", paramLabel = "DATE", description = "Only models released on or after DATE (YYYY-MM-DD).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only models released on or before DATE.")
    String to;

    @Option(names = "--levels", paramLabel = "L", split = ",",
            description = "Threshold levels for methods b and f, in the benchmark's units (accuracies as 0.6, not 60).")
    List<Double> levels = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Also write the frontier and lag-over-time charts as SVG and PNG into DIR.")
    Path charts;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (model != null || versus != null || rank != null || benchmark.contains(",") || pool != null) {
            new GapComparisons(this).run();
            return;
        }
        GapRequest request = request();
        Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
        GapReport report;
        try {
            report = GapAnalysis.run(catalog, request);
        } catch (GapAnalysis.UnanswerableException e) {
            throw new UserException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "table" -> out.print(GapReportText.render(report, LocalDate.now()));
            case "csv" -> out.print(GapReportCsv.render(report));
            case "json" -> out.println(GapReportJson.render(report, LocalDate.now()));
            default -> throw new UserException("--format must be table, csv or json, not '" + format + "'");
        }
        if (charts != null) {
            List<Path> written = GapCharts.writeAll(report, charts);
            spec.commandLine().getErr().println("charts: " + String.join(", ", written.stream().map(Path::toString).toList()));
        }
        out.flush();
    }

    GapRequest request() {
        return request(benchmark);
    }

    /** The group-pair request for one benchmark, from the options. */
    GapRequest request(String benchmarkName) {
        List<Comparison> comparisons = new ArrayList<>();
        for (String id : groups) {
            comparisons.add(Comparison.preset(id).orElseThrow(() -> new UserException("unknown group pair '" + id
                    + "'; use open-vs-closed, china-vs-us or open-vs-sota, or --leader/--follower")));
        }
        if (leader != null || follower != null) {
            if (leader == null || follower == null) {
                throw new UserException("--leader and --follower go together");
            }
            try {
                comparisons.add(Comparison.custom(
                        Group.parse(leaderName != null ? leaderName : Group.readable(leader), leader),
                        Group.parse(followerName != null ? followerName : Group.readable(follower), follower)));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        if ((leaderName != null || followerName != null) && leader == null) {
            throw new UserException("--leader-name and --follower-name name the groups of --leader and --follower");
        }
        if (comparisons.isEmpty()) {
            comparisons = List.of(Comparison.OPEN_VS_CLOSED, Comparison.CHINA_VS_US);
        }
        List<Method> chosen = new ArrayList<>();
        for (String text : methods) {
            chosen.add(Method.parse(text).orElseThrow(() -> new UserException("unknown method '" + text
                    + "'; use a-f or catch-up, thresholds, horizontal, backward, regression, grid")));
        }
        if (chosen.isEmpty()) {
            chosen = List.of(Method.values());
        }
        if (tolerance != null && (tolerance < 0 || tolerance.isNaN())) {
            throw new UserException("--tolerance must be zero or positive, not " + tolerance);
        }
        return new GapRequest(benchmarkName, Optional.ofNullable(source), comparisons, chosen,
                tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance),
                date("--from", from), date("--to", to), levels);
    }

    static Optional<LocalDate> date(String option, String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new UserException(option + " '" + text + "' is not a date; write YYYY-MM-DD");
        }
    }
}
