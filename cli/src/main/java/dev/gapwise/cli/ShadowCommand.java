package dev.gapwise.cli;

import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.bundled.BundledCatalogReader;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.privatelag.LagReport;
import dev.gapwise.gateway.privatelag.LagReportWriter;
import dev.gapwise.gateway.privatelag.OutcomesExport;
import dev.gapwise.gateway.privatelag.ShadowLog;
import dev.gapwise.gateway.privatelag.ShadowPair;
import dev.gapwise.gateway.store.Database;
import dev.gapwise.routing.FrontierLags;
import dev.gapwise.routing.ModelLags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalDouble;

/** {@code gapwise shadow report|outcomes}: what the gateway's shadow calls say about its own traffic. */
@Command(name = "shadow", mixinStandardHelpOptions = true,
        description = {"Reads the gateway's shadow calls (shadow: in gapwise.yaml): the private lag report, and the",
                "scored pairs as outcomes for 'gapwise eval routing --outcomes'."},
        subcommands = {ShadowCommand.Report.class, ShadowCommand.Outcomes.class})
final class ShadowCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --from} and {@code --to} options: UTC days, the last 30 days by default. */
    static final class Window {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First UTC day (default: 29 days before --to).")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last UTC day, included (default: today).")
        String to;

        LocalDate to() {
            return to == null ? LocalDate.now(ZoneOffset.UTC) : day("--to", to);
        }

        LocalDate from() {
            LocalDate first = from == null ? to().minusDays(29) : day("--from", from);
            if (first.isAfter(to())) {
                throw new UserException("--from " + first + " is after --to " + to());
            }
            return first;
        }

        private static LocalDate day(String option, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new UserException(option + " '" + text + "' is not a date; write it as 2026-11-30");
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"The private lag report: per task label and tier, how often each cheaper deployment's",
                    "answer was acceptable against the dearer one (95 % Wilson interval), what switching would save a",
                    "month, the public lag of both models beside it, and a recommendation only when the interval's",
                    "lower bound clears --threshold (never for the high-stakes tier)."})
    static final class Report implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Mixin
        Window window;

        @Option(names = "--threshold", paramLabel = "SHARE", defaultValue = "0.95",
                description = "The acceptance you require before switching, e.g. 0.95 (default).")
        double threshold;

        @Option(names = "--min-pairs", paramLabel = "N", defaultValue = "30",
                description = "The fewest scored pairs a recommendation to switch needs (default 30).")
        int minPairs;

        @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of the terminal.")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            if (!(threshold > 0 && threshold <= 1)) {
                throw new UserException("--threshold " + threshold + " must be a share in (0, 1], e.g. 0.95");
            }
            if (minPairs < 1) {
                throw new UserException("--min-pairs " + minPairs + " must be at least 1");
            }
            if (!format.equals("text") && !format.equals("json")) {
                throw new UserException("--format '" + format + "' must be text or json");
            }
            GatewayConfig gateway = config.load();
            String index = gateway.policy().tier(gateway.policy().highStakesTier())
                    .map(tier -> tier.eligibility().lagIndex()).orElse("eci");
            ModelLags lags = FrontierLags.of(catalog());
            List<ShadowPair> pairs;
            try (Database database = Database.open(gateway.ledger().jdbcUrl())) {
                pairs = ShadowLog.pairs(database, window.from(), window.to());
            } catch (SQLException e) {
                throw new UserException("cannot read the shadow calls: " + e.getMessage());
            }
            LagReport report = LagReport.of(pairs, window.from(), window.to(), threshold, minPairs,
                    gateway.policy().highStakesTier(), index, model -> lags.lag(model, index)
                            .map(lag -> OptionalDouble.of(lag.months())).orElse(OptionalDouble.empty()));
            String text = format.equals("json") ? LagReportWriter.json(report) + "\n" : LagReportWriter.text(report);
            write(spec, out, text);
        }
    }

    @Command(name = "outcomes", mixinStandardHelpOptions = true,
            description = {"Writes the scored pairs as a CSV in the generic outcome shape that 'gapwise eval routing",
                    "--outcomes FILE' reads (id, prompt, group = task label, <deployment>__score, <deployment>__cost),",
                    "so the quality router can be evaluated and retrained on your own traffic. Needs stored prompts",
                    "(shadow.store_content: true)."})
    static final class Outcomes implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Mixin
        Window window;

        @Option(names = "--out", paramLabel = "FILE", defaultValue = "shadow-outcomes.csv",
                description = "Where to write the CSV (default: ./shadow-outcomes.csv).")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            GatewayConfig gateway = config.load();
            try (Database database = Database.open(gateway.ledger().jdbcUrl())) {
                OutcomesExport.Result result = OutcomesExport.write(database, window.from(), window.to(), out);
                spec.commandLine().getOut().println(result.describe(out));
            } catch (SQLException e) {
                throw new UserException("cannot read the shadow calls: " + e.getMessage());
            } catch (IOException e) {
                throw new UserException("cannot write " + out + ": " + e.getMessage());
            }
        }
    }

    static void write(picocli.CommandLine.Model.CommandSpec spec, Path out, String text) {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, text);
            spec.commandLine().getOut().println("wrote " + out);
        } catch (IOException e) {
            throw new UserException("cannot write " + out + ": " + e.getMessage());
        }
    }

    static Catalog catalog() {
        try {
            return BundledCatalogReader.readBundled();
        } catch (DataFileException e) {
            throw new UserException("the bundled catalog cannot be read: " + e.getMessage());
        }
    }
}
