package dev.gapwise.routing.policy;

import dev.gapwise.catalog.Access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Which deployments a tier may use. Every present constraint must hold; absent ones do not constrain.
 *
 * @param maxLagMonths    at most this many months behind the frontier on {@code lagIndex}
 * @param lagIndex        the index or benchmark the lag is measured on, e.g. {@code eci}
 * @param minScore        a minimum benchmark score of the deployment's model
 * @param access          allowed access kinds (empty = any)
 * @param originCountries allowed developer countries, ISO codes (empty = any); a model qualifies if any of its
 *                        countries is allowed
 * @param jurisdictions   where inference may run, ISO codes (empty = anywhere); "EU" stands for its members
 * @param maxInputPrice   USD per 1M input tokens
 * @param maxOutputPrice  USD per 1M output tokens
 * @param allowUnknownLag whether a model with no lag number passes {@code maxLagMonths} (default: it does not)
 * @param lagByTask       whether the request's task family (coding, math, vision) replaces {@code lagIndex} with that
 *                        family's lag ({@code family:coding}) for models that have one
 */
public record Eligibility(OptionalDouble maxLagMonths, String lagIndex, Optional<MinScore> minScore, Set<Access> access,
                          Set<String> originCountries, Set<String> jurisdictions, Optional<BigDecimal> maxInputPrice,
                          Optional<BigDecimal> maxOutputPrice, boolean allowUnknownLag, boolean lagByTask) {

    public Eligibility(OptionalDouble maxLagMonths, String lagIndex, Optional<MinScore> minScore, Set<Access> access,
                       Set<String> originCountries, Set<String> jurisdictions, Optional<BigDecimal> maxInputPrice,
                       Optional<BigDecimal> maxOutputPrice) {
        this(maxLagMonths, lagIndex, minScore, access, originCountries, jurisdictions, maxInputPrice, maxOutputPrice,
                false, false);
    }

    /** The same rules, letting models without a lag number through. */
    public Eligibility allowingUnknownLag() {
        return new Eligibility(maxLagMonths, lagIndex, minScore, access, originCountries, jurisdictions, maxInputPrice,
                maxOutputPrice, true, lagByTask);
    }

    /** The same rules, measuring lags on the request's task family where the model has one. */
    public Eligibility lagByTask(boolean value) {
        return new Eligibility(maxLagMonths, lagIndex, minScore, access, originCountries, jurisdictions, maxInputPrice,
                maxOutputPrice, allowUnknownLag, value);
    }

    /** A minimum score on a benchmark of the catalog. */
    public record MinScore(String benchmark, double value) {
    }

    public Eligibility {
        access = Set.copyOf(access);
        originCountries = Set.copyOf(originCountries);
        jurisdictions = Set.copyOf(jurisdictions);
    }

    /** EU member states, for the "EU" shorthand in jurisdictions and origin countries. */
    public static final List<String> EU_MEMBERS = List.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
}
