package dev.gapwise.routing;

import dev.gapwise.catalog.BenchmarkScore;
import dev.gapwise.catalog.Catalog;
import dev.gapwise.catalog.Dataset;
import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Model;
import dev.gapwise.routing.policy.Eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** Checks one deployment against a tier's eligibility and estimates the request's cost on it. Immutable. */
final class CandidateEvaluator {
    private final Map<String, Model> models = new HashMap<>();
    private final Catalog catalog;
    private final ModelLags lags;

    CandidateEvaluator(Catalog catalog, ModelLags lags) {
        this.catalog = catalog;
        this.lags = lags;
        for (Dataset dataset : catalog.datasets()) {
            for (Model model : dataset.models()) {
                models.putIfAbsent(model.id(), model);
            }
        }
    }

    Optional<Model> model(String id) {
        return Optional.ofNullable(models.get(id));
    }

    Candidate evaluate(Deployment deployment, Eligibility rules, long inputTokens, long outputTokens) {
        return evaluate(deployment, rules, inputTokens, outputTokens, Optional.empty());
    }

    /**
     * Checks a deployment; {@code family} (an index such as {@code family:coding}), when the tier measures lags by
     * task, replaces the tier's index for models that have a lag on it.
     */
    Candidate evaluate(Deployment deployment, Eligibility rules, long inputTokens, long outputTokens,
                       Optional<String> family) {
        List<String> checks = new ArrayList<>();
        boolean eligible = true;
        Optional<ModelLags.Lag> lag = family.filter(f -> rules.lagByTask())
                .flatMap(f -> lags.lag(deployment.modelId(), f))
                .or(() -> lags.lag(deployment.modelId(), rules.lagIndex()));
        if (rules.maxLagMonths().isPresent()) {
            double max = rules.maxLagMonths().getAsDouble();
            if (lag.isPresent()) {
                boolean ok = lag.get().months() <= max + 1e-9;
                eligible &= ok;
                checks.add("lag " + oneDecimal(lag.get().months()) + " months on " + lag.get().index() + (ok ? " <= " : " > max ")
                        + format(max));
            } else {
                eligible &= rules.allowUnknownLag();
                checks.add("lag on " + rules.lagIndex() + " unknown" + (rules.allowUnknownLag()
                        ? ", allowed by this tier" : ": not eligible while the tier caps lag at " + format(max) + " months"));
            }
        }
        Optional<Model> model = model(deployment.modelId());
        if (rules.minScore().isPresent()) {
            Eligibility.MinScore min = rules.minScore().get();
            OptionalDouble score = score(deployment.modelId(), min.benchmark());
            boolean ok = score.isPresent() && score.getAsDouble() >= min.value();
            eligible &= ok;
            checks.add(score.isPresent() ? String.format("%s %.3f %s %s", min.benchmark(), score.getAsDouble(),
                    ok ? ">=" : "< min", format(min.value())) : min.benchmark() + " score unknown: not eligible");
        }
        if (!rules.access().isEmpty()) {
            boolean ok = model.isPresent() && rules.access().contains(model.get().access());
            eligible &= ok;
            checks.add("access " + model.map(m -> m.access().name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown")
                    + (ok ? " allowed" : " not in " + new TreeSet<>(rules.access().stream()
                    .map(a -> a.name().toLowerCase(java.util.Locale.ROOT)).toList())));
        }
        if (!rules.originCountries().isEmpty()) {
            List<String> countries = model.map(Model::countries).orElse(List.of());
            boolean ok = countries.stream().anyMatch(rules.originCountries()::contains);
            eligible &= ok;
            checks.add("origin " + (countries.isEmpty() ? "unknown" : String.join("/", countries))
                    + (ok ? " allowed" : " not in " + shortList(rules.originCountries())));
        }
        if (!rules.jurisdictions().isEmpty()) {
            // a region that is not a country ("global", "unknown") never satisfies a jurisdiction rule
            boolean ok = deployment.runsInOneOf(rules.jurisdictions());
            eligible &= ok;
            checks.add("runs in " + deployment.jurisdiction() + (ok ? ", allowed" : ", not in "
                    + shortList(rules.jurisdictions())));
        }
        if (rules.maxInputPrice().isPresent()) {
            boolean ok = deployment.price().inputPerMillion().compareTo(rules.maxInputPrice().get()) <= 0;
            eligible &= ok;
            checks.add("input $" + deployment.price().inputPerMillion().toPlainString() + "/1M " + (ok ? "<=" : "> cap")
                    + " $" + rules.maxInputPrice().get().toPlainString());
        }
        if (rules.maxOutputPrice().isPresent()) {
            boolean ok = deployment.price().outputPerMillion().compareTo(rules.maxOutputPrice().get()) <= 0;
            eligible &= ok;
            checks.add("output $" + deployment.price().outputPerMillion().toPlainString() + "/1M " + (ok ? "<=" : "> cap")
                    + " $" + rules.maxOutputPrice().get().toPlainString());
        }
        BigDecimal cost = deployment.price().cost(inputTokens, outputTokens);
        return new Candidate(deployment, lag, cost, eligible, checks);
    }

    private OptionalDouble score(String modelId, String benchmark) {
        OptionalDouble best = OptionalDouble.empty();
        for (Dataset dataset : catalog.datasets()) {
            for (BenchmarkScore score : dataset.scores(benchmark)) {
                if (score.modelId().equals(modelId) && (best.isEmpty() || score.value() > best.getAsDouble())) {
                    best = OptionalDouble.of(score.value());
                }
            }
        }
        return best;
    }

    private static String shortList(java.util.Set<String> codes) {
        if (codes.containsAll(Eligibility.EU_MEMBERS) && codes.size() <= Eligibility.EU_MEMBERS.size() + 6) {
            TreeSet<String> rest = new TreeSet<>(codes);
            rest.removeAll(Eligibility.EU_MEMBERS);
            rest.add("EU");
            return rest.toString();
        }
        return new TreeSet<>(codes).toString();
    }

    private static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
