package dev.gapwise.cli;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.config.GatewayConfig;
import dev.gapwise.gateway.privatelag.DistillExport;
import dev.gapwise.gateway.privatelag.PiiRedaction;
import dev.gapwise.gateway.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code gapwise distill export}: a fine-tuning dataset from the frontier answers the gateway's shadow calls stored. */
@Command(name = "distill", mixinStandardHelpOptions = true,
        description = "Builds fine-tuning datasets from the answers stored by shadow calls.",
        subcommands = {DistillCommand.Export.class})
final class DistillCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the frontier answers that scored well, for the chosen task labels and days, as",
                    "JSONL in the OpenAI fine-tuning chat format and as prompt/completion pairs, deduplicated, with",
                    "personal data redacted when --redact says so, and a manifest (filters, counts, sources and",
                    "their terms, file hashes). Only deployments whose distillation terms are 'allowed' are exported;",
                    "the rest are counted with the reason. Needs shadow.store_content: true."})
    static final class Export implements Runnable {
        @Mixin
        GatewayConfigOption config;

        @Mixin
        ShadowCommand.Window window;

        @Option(names = "--task", paramLabel = "LABEL", split = ",",
                description = "Task labels to export (repeat or comma-separate; default: all).")
        List<String> tasks = List.of();

        @Option(names = "--redact", paramLabel = "KIND", split = ",",
                description = "Personal data to remove first: email, iban, card, ip, phone, or all.")
        List<String> redact = List.of();

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "distill",
                description = "Folder for the files (default: ./distill).")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            GatewayConfig gateway = config.load();
            Map<String, Deployment> deployments = new LinkedHashMap<>();
            gateway.deployments().forEach(d -> deployments.put(d.id(), d));
            ShadowCommand.catalog().allDeployments().forEach(d -> deployments.putIfAbsent(d.id(), d));
            DistillExport.Filters filters = new DistillExport.Filters(window.from(), window.to(), Set.copyOf(tasks),
                    redaction());
            try (Database database = Database.open(gateway.ledger().jdbcUrl())) {
                DistillExport.Result result = DistillExport.run(database, deployments, filters, out);
                spec.commandLine().getOut().println(result.describe());
            } catch (SQLException e) {
                throw new UserException("cannot read the shadow calls: " + e.getMessage());
            } catch (IOException e) {
                throw new UserException("cannot write " + out + ": " + e.getMessage());
            }
        }

        private Set<PiiRedaction> redaction() {
            Set<PiiRedaction> kinds = EnumSet.noneOf(PiiRedaction.class);
            for (String kind : redact) {
                if (kind.strip().equals("all")) {
                    kinds.addAll(EnumSet.allOf(PiiRedaction.class));
                    continue;
                }
                kinds.add(PiiRedaction.parse(kind).orElseThrow(() -> new UserException("--redact '" + kind
                        + "' must be one of email, iban, card, ip, phone, all")));
            }
            return kinds;
        }
    }
}
