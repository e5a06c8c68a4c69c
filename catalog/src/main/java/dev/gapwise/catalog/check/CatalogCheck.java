package dev.gapwise.catalog.check;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a catalog's deployments and the scores of the dataset they refer to (the first one: the bundled or
 * given catalog). Pure: the date the check runs on and the age limits are parameters. Stateless.
 *
 * <p>Errors: a deployment offered by default that is not active; a deprecated deployment whose announced
 * retirement date has passed; a score of an instruct model measured on its base model (or on any model marked
 * base). Warnings: a price older than the limit; a status or region without a source; a score measured on a
 * version the model does not list among its names; a model without a variant. Notes: regions that no
 * jurisdiction rule can accept, and deployments whose model has no score on the lag index.
 */
public final class CatalogCheck {

    private CatalogCheck() {
    }

    /**
     * What to check against.
     *
     * @param today       the date the check runs on
     * @param maxPriceAge prices checked longer ago than this many days are stale
     * @param lagIndex    the index lags are measured on (a deployment whose model has no score on it has no lag)
     */
    public record Settings(LocalDate today, long maxPriceAge, String lagIndex) {
        public Settings {
            if (maxPriceAge < 0) {
                throw new IllegalArgumentException("the price age limit cannot be negative: " + maxPriceAge);
            }
        }
    }

    /** Every finding, errors first, then warnings and notes, each group in catalog order. */
    public static List<Finding> run(Catalog catalog, Settings settings) {
        List<Finding> findings = new ArrayList<>();
        Optional<Dataset> dataset = catalog.datasets().stream().findFirst();
        for (Deployment deployment : catalog.allDeployments()) {
            deployment(deployment, settings, dataset, findings);
        }
        dataset.ifPresent(d -> scores(d, findings));
        findings.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(findings);
    }

    /** Findings about deployments only (what the gateway logs at start). */
    public static List<Finding> deployments(Catalog catalog, Settings settings) {
        return run(new Catalog(List.of(), catalog.allDeployments(), catalog.families()), settings);
    }

    private static void deployment(Deployment deployment, Settings settings, Optional<Dataset> dataset,
                                   List<Finding> findings) {
        String subject = "deployment " + deployment.id();
        Deployment.Lifecycle lifecycle = deployment.lifecycle();
        if (deployment.offeredByDefault() && lifecycle.status() != Deployment.Status.ACTIVE) {
            findings.add(new Finding(Finding.Severity.ERROR, subject, "offered by default but " + lifecycle.describe()));
        }
        if (lifecycle.status() == Deployment.Status.DEPRECATED && lifecycle.retires().isPresent()
                && !lifecycle.retires().get().isAfter(settings.today())) {
            findings.add(new Finding(Finding.Severity.ERROR, subject, "deprecated with retirement on "
                    + lifecycle.retires().get() + ", which has passed; mark it retired"));
        }
        if (lifecycle.status() == Deployment.Status.RETIRED && lifecycle.since().filter(d -> d.isAfter(settings.today()))
                .isPresent()) {
            findings.add(new Finding(Finding.Severity.ERROR, subject, "marked retired since " + lifecycle.since().get()
                    + ", a date still ahead; mark it deprecated with retires_on"));
        }
        if (lifecycle.source().isBlank()) {
            findings.add(new Finding(Finding.Severity.WARNING, subject, "status '" + lifecycle.status().id()
                    + "' names no source"));
        }
        if (!deployment.offeredByDefault()) {
            return; // the rest concerns what is served
        }
        long age = ChronoUnit.DAYS.between(deployment.priceAsOf(), settings.today());
        if (age > settings.maxPriceAge()) {
            findings.add(new Finding(Finding.Severity.WARNING, subject, "price checked " + deployment.priceAsOf() + ", "
                    + age + " days ago (limit " + settings.maxPriceAge() + ")"));
        }
        if (deployment.regionSource().isBlank()) {
            findings.add(new Finding(Finding.Severity.WARNING, subject, "processing region '" + deployment.jurisdiction()
                    + "' names no source"));
        }
        if (!deployment.regionIsCountry()) {
            findings.add(new Finding(Finding.Severity.NOTE, subject, "processing region is " + deployment.jurisdiction()
                    + ": no jurisdiction rule can accept it"));
        }
        boolean scored = dataset.map(d -> d.scores(settings.lagIndex()).stream()
                .anyMatch(s -> s.modelId().equals(deployment.modelId()))).orElse(false);
        if (!scored) {
            findings.add(new Finding(Finding.Severity.NOTE, subject, "model " + deployment.modelId() + " has no "
                    + settings.lagIndex() + " score, so its lag is unknown"));
        }
    }

    private static void scores(Dataset dataset, List<Finding> findings) {
        Map<String, Model> models = dataset.models().stream().collect(Collectors.toMap(Model::id, Function.identity()));
        Set<String> baseNames = new HashSet<>();
        for (Model model : dataset.models()) {
            if (model.attribute(Model.VARIANT).filter(Model.BASE::equals).isPresent()) {
                baseNames.addAll(names(model));
            }
        }
        for (Model model : dataset.models()) {
            if (model.attribute(Model.VARIANT).isEmpty()) {
                findings.add(new Finding(Finding.Severity.WARNING, "model " + model.id(),
                        "no variant: say whether it is a base or an instruct model"));
            }
        }
        for (BenchmarkScore score : dataset.scores()) {
            Model model = models.get(score.modelId());
            String subject = "score " + score.modelId() + " " + score.benchmark();
            String version = normalise(score.version());
            boolean instruct = model.attribute(Model.VARIANT).filter(Model.INSTRUCT::equals).isPresent();
            boolean ownBase = model.baseModelNames().stream().map(CatalogCheck::normalise).anyMatch(version::equals);
            if (instruct && (ownBase || baseNames.contains(version))) {
                findings.add(new Finding(Finding.Severity.ERROR, subject, "measured on '" + score.version()
                        + "', a base model, but " + model.id() + " is an instruct model"));
            } else if (!names(model).contains(version)) {
                findings.add(new Finding(Finding.Severity.WARNING, subject, "measured on '" + score.version()
                        + "', which is not one of the model's names (id, name, aliases)"));
            }
        }
    }

    /** A model's own names, normalised: id, display name and aliases. */
    static Set<String> names(Model model) {
        Set<String> names = new HashSet<>();
        names.add(normalise(model.id()));
        names.add(normalise(model.name()));
        model.aliases().forEach(alias -> names.add(normalise(alias)));
        return names;
    }

    /** Lower case, with every run of characters other than letters and digits removed. */
    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
