package dev.gapwise.cli;

import dev.gapwise.catalog.Benchmark;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Model;
import dev.gapwise.catalog.TaskFamily;
import dev.gapwise.catalog.check.CatalogCheck;
import dev.gapwise.catalog.check.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code gapwise catalog}: what the catalog holds (models, deployments, benchmarks, families) and whether it is sound. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Lists and searches the catalog's models, deployments, benchmarks and task families, and checks it",
                "for stale or inconsistent rows (gapwise catalog check)."},
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.SearchCommand.class,
                CatalogCommand.CheckCommand.class})
final class CatalogCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code gapwise catalog list [models|deployments|benchmarks|families]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists models (newest first, with their ECI score), deployments (status, region, price and its",
                    "age), benchmarks (scores per dataset and family) or task families."})
    static final class ListCommand implements Runnable {
        @Mixin
        CatalogOptions catalogOptions;

        @Parameters(index = "0", defaultValue = "models", paramLabel = "WHAT",
                description = "models, deployments, benchmarks or families (default: ${DEFAULT-VALUE}).")
        String what;

        @Option(names = "--all", description = "Deployments: also the deprecated and retired ones (default: offered only).")
        boolean all;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            switch (what) {
                case "models" -> out.print(models(catalog, catalog.datasets().getFirst().models().stream().toList()));
                case "deployments" -> out.print(deployments(all ? catalog.allDeployments() : catalog.deployments(),
                        LocalDate.now()));
                case "benchmarks" -> out.print(benchmarks(catalog));
                case "families" -> out.print(families(catalog));
                default -> throw new UserException("list what? models, deployments, benchmarks or families, not '" + what + "'");
            }
            out.flush();
        }
    }

    /** {@code gapwise catalog search TEXT}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Finds models, deployments and benchmarks whose id, name, organisation, provider or alias contains TEXT.")
    static final class SearchCommand implements Runnable {
        @Mixin
        CatalogOptions catalogOptions;

        @Parameters(paramLabel = "TEXT", description = "What to look for (case-insensitive).")
        String text;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
            String key = text.toLowerCase(Locale.ROOT);
            List<Model> models = catalog.datasets().getFirst().models().stream().filter(m -> matches(key, m.id(), m.name(),
                    m.organization(), String.join(" ", m.aliases()))).toList();
            List<Deployment> deployments = catalog.allDeployments().stream().filter(d -> matches(key, d.id(), d.modelId(),
                    d.provider(), d.upstreamModel())).toList();
            List<Benchmark> benchmarks = catalog.datasets().stream().flatMap(d -> d.benchmarks().stream()).distinct()
                    .filter(b -> matches(key, b.id(), b.displayName())).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (models.isEmpty() && deployments.isEmpty() && benchmarks.isEmpty()) {
                throw new UserException("nothing in the catalog matches '" + text + "'");
            }
            if (!models.isEmpty()) {
                out.println("Models (" + models.size() + "):");
                out.print(models(catalog, models));
            }
            if (!deployments.isEmpty()) {
                out.println("Deployments (" + deployments.size() + ", all statuses):");
                out.print(deployments(deployments, LocalDate.now()));
            }
            if (!benchmarks.isEmpty()) {
                out.println("Benchmarks (" + benchmarks.size() + "):");
                benchmarks.forEach(b -> out.println("  " + b.id() + "  " + b.displayName()));
            }
            out.flush();
        }

        private static boolean matches(String key, String... fields) {
            for (String field : fields) {
                if (field.toLowerCase(Locale.ROOT).contains(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code gapwise catalog check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks the catalog: no retired or deprecated deployment offered by default, no deprecation",
                    "past its date, no base-model score on an instruct model, every score measured on one of the model's",
                    "own names, statuses and regions with sources, prices no older than --max-price-age. Exits 1 on errors."})
    static final class CheckCommand implements Callable<Integer> {
        @Mixin
        CatalogOptions catalogOptions;

        @Option(names = "--max-price-age", defaultValue = "180", paramLabel = "DAYS",
                description = "Prices checked longer ago than this are stale (default: ${DEFAULT-VALUE}).")
        long maxPriceAge;

        @Option(names = "--today", paramLabel = "DATE", description = "Check as of DATE (default: today).")
        String today;

        @Option(names = "--lag-index", defaultValue = "eci", paramLabel = "NAME",
                description = "The index lags are measured on (default: ${DEFAULT-VALUE}).")
        String lagIndex;

        @Option(names = "--quiet", description = "Print errors and the summary only.")
        boolean quiet;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (maxPriceAge < 0) {
                throw new UserException("--max-price-age must be zero or more days, not " + maxPriceAge);
            }
            LocalDate date = today == null ? LocalDate.now() : parse(today);
            Catalog catalog = catalogOptions.load(spec.commandLine().getErr());
            List<Finding> findings = CatalogCheck.run(catalog, new CatalogCheck.Settings(date, maxPriceAge, lagIndex));
            PrintWriter out = spec.commandLine().getOut();
            for (Finding finding : findings) {
                if (!quiet || finding.severity() == Finding.Severity.ERROR) {
                    out.println(finding.line());
                }
            }
            long errors = findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == Finding.Severity.WARNING).count();
            long offered = catalog.deployments().size();
            long deprecated = catalog.allDeployments().stream()
                    .filter(d -> d.lifecycle().status() == Deployment.Status.DEPRECATED).count();
            long retired = catalog.allDeployments().stream()
                    .filter(d -> d.lifecycle().status() == Deployment.Status.RETIRED).count();
            long offeredNotActive = catalog.deployments().stream()
                    .filter(d -> d.lifecycle().status() != Deployment.Status.ACTIVE).count();
            long baseOnInstruct = findings.stream().filter(f -> f.message().contains("a base model, but")).count();
            out.println();
            out.println("Checked " + catalog.allDeployments().size() + " deployments and "
                    + catalog.datasets().getFirst().scores().size() + " scores of " + catalog.datasets().getFirst().snapshot().label()
                    + " on " + date + ": " + offered + " offered by default (" + offeredNotActive + " of them not active), "
                    + deprecated + " deprecated and " + retired + " retired not offered; " + baseOnInstruct
                    + " base-model scores on instruct models; " + errors + " errors, " + warnings + " warnings.");
            out.println("Newest score: " + newestScore(catalog.datasets().getFirst()).map(d -> d + " ("
                    + ChronoUnit.DAYS.between(d, date) + " days before " + date + ")").orElse("none"));
            out.flush();
            return errors > 0 ? 1 : 0;
        }
    }

    static String models(Catalog catalog, List<Model> models) {
        Dataset dataset = catalog.datasets().getFirst();
        StringBuilder out = new StringBuilder();
        List<Model> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing((Model m) -> m.releaseDate().orElse(LocalDate.MIN)).reversed()
                .thenComparing(Model::id));
        out.append(String.format(Locale.ROOT, "  %-34s %-26s %-10s %-6s %-8s %-10s %s%n", "id", "organization", "countries",
                "access", "variant", "released", "eci"));
        for (Model model : sorted) {
            String eci = dataset.scores("eci").stream().filter(s -> s.modelId().equals(model.id())).findFirst()
                    .map(s -> String.format(Locale.ROOT, "%.1f", s.value())).orElse("—");
            out.append(String.format(Locale.ROOT, "  %-34s %-26s %-10s %-6s %-8s %-10s %s%n", model.id(),
                    shorten(model.organization(), 26), String.join(";", model.countries()),
                    model.access().name().toLowerCase(Locale.ROOT), model.attribute(Model.VARIANT).orElse("?"),
                    model.releaseDate().map(Object::toString).orElse("—"), eci));
        }
        return out.toString();
    }

    static String deployments(List<Deployment> deployments, LocalDate today) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %-36s %-11s %-7s %-34s %-17s %s%n", "id", "provider", "region", "status",
                "USD/Mtok in/out", "price checked"));
        for (Deployment d : deployments) {
            out.append(String.format(Locale.ROOT, "  %-36s %-11s %-7s %-34s %-17s %s (%d days ago)%n", d.id(), d.provider(),
                    d.jurisdiction(), d.lifecycle().describe(), d.price().inputPerMillion().toPlainString() + " / "
                            + d.price().outputPerMillion().toPlainString(), d.priceAsOf(),
                    ChronoUnit.DAYS.between(d.priceAsOf(), today)));
        }
        return out.toString();
    }

    static String benchmarks(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        for (Dataset dataset : catalog.datasets()) {
            out.append(dataset.snapshot().label()).append(":\n");
            for (Benchmark benchmark : dataset.benchmarks()) {
                List<String> families = catalog.families().of(benchmark.id()).stream().map(TaskFamily::id).toList();
                out.append(String.format(Locale.ROOT, "  %-28s %-34s %-8s %5d scores  %s%n", benchmark.id(),
                        shorten(benchmark.displayName(), 34), benchmark.scale().name().toLowerCase(Locale.ROOT),
                        dataset.scores(benchmark.id()).size(), families.isEmpty() ? "(no family)"
                                : "family " + String.join(", ", families)));
            }
        }
        return out.toString();
    }

    static String families(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        for (TaskFamily family : catalog.families().families()) {
            out.append(family.id()).append("  ").append(family.name()).append('\n');
            for (TaskFamily.Member member : family.members()) {
                out.append("  ").append(member.benchmark()).append("  ").append(member.source()).append('\n');
            }
        }
        return out.toString();
    }

    private static Optional<LocalDate> newestScore(Dataset dataset) {
        return dataset.scores().stream().flatMap(s -> s.measuredOn().stream()).max(Comparator.naturalOrder());
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserException("--today '" + text + "' is not a date; write YYYY-MM-DD");
        }
    }
}
