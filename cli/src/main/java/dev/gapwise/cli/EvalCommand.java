package dev.gapwise.cli;

import dev.gapwise.routing.report.EvalOptions;
import dev.gapwise.routing.report.EvalReport;
import dev.gapwise.routing.report.RoutingEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code gapwise eval}: offline evaluations; {@code gapwise eval routing} runs the router protocol. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Offline evaluations.",
        subcommands = EvalCommand.Routing.class)
final class EvalCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code gapwise eval routing}. */
    @Command(name = "routing", mixinStandardHelpOptions = true,
            description = {"Runs the routing protocol of EVALUATION.md §2 on the shared data (risk gate, quality router",
                    "vs every baseline, bootstrap, transfer, AIQ, latency, chart) and writes a Markdown report.",
                    "With --outcomes FILE it evaluates your own per-prompt outcomes instead, in the generic CSV shape:",
                    "  id,prompt[,group][,contaminated],<model>__score[,<model>__cost],<model>__score[,...]",
                    "(scores: 0/1 correctness or any graded score, higher is better; cost: USD per prompt)."})
    static final class Routing implements Runnable {
        @Option(names = "--data", paramLabel = "DIR", description = "The routing data folder (default: ../shared/data/routing).")
        Path data;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/routing-eval.md",
                description = "Report to write; charts go beside it (default: ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
                description = "At most N prompts per dataset, a deterministic hash sample (CI uses this); 0 = all.")
        int sample;

        @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
                description = "Paired bootstrap resamples (default: ${DEFAULT-VALUE}).")
        int bootstrap;

        @Option(names = "--outcomes", paramLabel = "FILE", description = "Evaluate this outcome file (generic shape).")
        Path outcomes;

        @Option(names = "--strong", paramLabel = "MODEL", defaultValue = "",
                description = "With --outcomes: the strong model (default: the best on average).")
        String strong;

        @Option(names = "--weak", paramLabel = "MODEL", defaultValue = "",
                description = "With --outcomes: the weak model (default: the worst on average).")
        String weak;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter writer = spec.commandLine().getOut();
            Path dir = outcomes != null && data == null ? Path.of(".") : SharedDataOption.routingDir(data);
            if (outcomes != null && !Files.isRegularFile(outcomes)) {
                throw new UserException("outcome file " + outcomes + " does not exist");
            }
            StringBuilder command = new StringBuilder("gapwise eval routing");
            if (sample > 0) {
                command.append(" --sample ").append(sample);
            }
            if (bootstrap != 1000) {
                command.append(" --bootstrap ").append(bootstrap);
            }
            if (outcomes != null) {
                command.append(" --outcomes ").append(outcomes.getFileName());
            }
            EvalOptions options;
            try {
                options = new EvalOptions(dir, sample, bootstrap, Optional.ofNullable(outcomes), strong, weak,
                        command.toString());
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            EvalReport report = RoutingEvaluation.run(options, line -> {
                writer.println(line);
                writer.flush();
            });
            try {
                Path folder = out.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                Files.writeString(out, report.markdown());
                for (Map.Entry<String, byte[]> chart : report.charts().entrySet()) {
                    Files.write(folder.resolve(chart.getKey()), chart.getValue());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out, e);
            }
            writer.println("wrote " + out + " and " + String.join(", ", report.charts().keySet()));
        }
    }
}
