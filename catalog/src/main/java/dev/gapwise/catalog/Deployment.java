package dev.gapwise.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One way to call a model: a provider's endpoint, its dialect, where inference runs, its list price and
 * whether it is still served. The same open-weight model on its maker's API in China and on a US host is
 * two deployments.
 *
 * @param id            unique identifier, e.g. {@code deepseek-v3@together}
 * @param modelId       the model in the catalog
 * @param provider      provider name, e.g. {@code openai}, {@code together}
 * @param dialect       wire API
 * @param baseUrl       the API base URL
 * @param upstreamModel the model name the provider expects
 * @param jurisdiction  the processing region: an ISO 3166-1 alpha-2 code of where inference runs, or
 *                      {@link #GLOBAL} (the provider may process anywhere) or {@link #UNKNOWN_REGION}
 *                      (nothing is documented). Only a country code can satisfy a policy's jurisdictions.
 * @param price         list price
 * @param contextWindow context window in tokens, when known
 * @param priceAsOf     date the price was checked
 * @param source        where the price comes from
 * @param lifecycle     whether the provider still serves it, and since when
 * @param regionSource  where the processing region is documented; empty when it is not
 * @param distillation  whether the provider's terms let its answers train other models, with the terms' source
 */
public record Deployment(String id, String modelId, String provider, Dialect dialect, URI baseUrl,
                         String upstreamModel, String jurisdiction, Price price, OptionalLong contextWindow,
                         LocalDate priceAsOf, String source, Lifecycle lifecycle, String regionSource,
                         Distillation distillation) {
    /** The region of a provider that documents processing anywhere it chooses. */
    public static final String GLOBAL = "global";
    /** The region of a provider that documents none. */
    public static final String UNKNOWN_REGION = "unknown";

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(contextWindow, "contextWindow");
        Objects.requireNonNull(priceAsOf, "priceAsOf");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(regionSource, "regionSource");
        Objects.requireNonNull(distillation, "distillation");
    }

    /** A deployment whose distillation terms nobody has checked ({@link Distillation#UNKNOWN}). */
    public Deployment(String id, String modelId, String provider, Dialect dialect, URI baseUrl, String upstreamModel,
                      String jurisdiction, Price price, OptionalLong contextWindow, LocalDate priceAsOf, String source,
                      Lifecycle lifecycle, String regionSource) {
        this(id, modelId, provider, dialect, baseUrl, upstreamModel, jurisdiction, price, contextWindow, priceAsOf,
                source, lifecycle, regionSource, Distillation.UNKNOWN);
    }

    /** The same deployment with other distillation terms. */
    public Deployment withDistillation(Distillation value) {
        return new Deployment(id, modelId, provider, dialect, baseUrl, upstreamModel, jurisdiction, price,
                contextWindow, priceAsOf, source, lifecycle, regionSource, value);
    }

    /** An active deployment whose region and status carry no documentation (tests, discovered local models). */
    public Deployment(String id, String modelId, String provider, Dialect dialect, URI baseUrl, String upstreamModel,
                      String jurisdiction, Price price, OptionalLong contextWindow, LocalDate priceAsOf, String source) {
        this(id, modelId, provider, dialect, baseUrl, upstreamModel, jurisdiction, price, contextWindow, priceAsOf,
                source, Lifecycle.ACTIVE_UNDATED, "");
    }

    /** True when the gateway and the router offer it without being asked: only active deployments are. */
    public boolean offeredByDefault() {
        return lifecycle.status() == Status.ACTIVE;
    }

    /** True when the region is a country, so a policy's jurisdictions can be checked against it. */
    public boolean regionIsCountry() {
        return !jurisdiction.equals(GLOBAL) && !jurisdiction.equals(UNKNOWN_REGION) && !jurisdiction.equals("local");
    }

    /**
     * True when inference runs in one of the given countries (ISO codes). A {@link #GLOBAL} or
     * {@link #UNKNOWN_REGION} region never satisfies a jurisdiction list, whatever it contains.
     */
    public boolean runsInOneOf(Set<String> countries) {
        return regionIsCountry() && countries.contains(jurisdiction);
    }

    /** Whether a provider still serves a deployment. */
    public enum Status {
        /** Served, and offered by default. */
        ACTIVE,
        /** Still served, but the provider has announced its end; not offered by default. */
        DEPRECATED,
        /** No longer served (shut down, removed, or repointed to another model). */
        RETIRED;

        /** Parses {@code active}, {@code deprecated} or {@code retired} (any case). */
        public static Optional<Status> parse(String text) {
            for (Status status : values()) {
                if (status.name().equalsIgnoreCase(text.strip())) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }

        /** The lower-case name used in data files. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A deployment's status with its dates.
     *
     * @param status  active, deprecated or retired
     * @param since   when it took this status (release, deprecation notice, or shutdown), when known
     * @param retires the announced shutdown date of a deprecated deployment, when announced
     * @param source  where the status and dates are documented; empty when they are not
     */
    public record Lifecycle(Status status, Optional<LocalDate> since, Optional<LocalDate> retires, String source) {
        /** Active with no dates and no source: what a row that says nothing about its status gets. */
        public static final Lifecycle ACTIVE_UNDATED = new Lifecycle(Status.ACTIVE, Optional.empty(), Optional.empty(), "");

        public Lifecycle {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(retires, "retires");
            Objects.requireNonNull(source, "source");
        }

        /** "retired since 2026-07-24", "deprecated, retires 2026-09-01", "active". */
        public String describe() {
            StringBuilder text = new StringBuilder(status.id());
            since.ifPresent(date -> text.append(" since ").append(date));
            retires.ifPresent(date -> text.append(status == Status.RETIRED ? ", retired " : ", retires ").append(date));
            return text.toString();
        }
    }
}
