package dev.gapwise.cli;

import dev.gapwise.gap.Comparison;
import dev.gapwise.gap.analysis.GapRequest;
import dev.gapwise.gap.method.Method;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The benchmark, group pairs, methods and format options of commands that compare two runs of the gap methods. */
final class GapSelection {
    @Option(names = {"-b", "--benchmark"}, defaultValue = "eci", paramLabel = "NAME",
            description = "Benchmark or index id or name (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = {"-g", "--groups"}, paramLabel = "PAIR", split = ",",
            description = "Group pairs: open-vs-closed, china-vs-us, open-vs-sota (default: the first two).")
    List<String> groups = new ArrayList<>();

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", split = ",",
            description = "Methods by letter or name (default: all).")
    List<String> methods = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    GapRequest request() {
        List<Comparison> comparisons = groups.isEmpty() ? List.of(Comparison.OPEN_VS_CLOSED, Comparison.CHINA_VS_US)
                : GapFamiliesCommand.comparisons(groups);
        List<Method> chosen = new ArrayList<>();
        for (String text : methods) {
            chosen.add(Method.parse(text).orElseThrow(() -> new UserException("unknown method '" + text
                    + "'; use a-f or catch-up, thresholds, horizontal, backward, regression, grid")));
        }
        return new GapRequest(benchmark, Optional.empty(), comparisons, chosen.isEmpty() ? List.of(Method.values()) : chosen,
                OptionalDouble.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
