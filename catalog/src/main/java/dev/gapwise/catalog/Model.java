package dev.gapwise.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A set of weights or a closed model, as one data source describes it.
 *
 * @param id           identifier, unique within its catalog (for imported data, the source's own key)
 * @param name         display name
 * @param organization developer organisation(s) as the source writes them
 * @param countries    ISO 3166-1 alpha-2 codes of the developer (names the JDK does not know are kept verbatim)
 * @param access       open weights, closed, or unknown
 * @param license      licence as written by the source; empty when not given
 * @param releaseDate  public release date, when known
 * @param parameters   total parameter count, when known
 * @param trainingComputeFlop training compute in FLOP, when known
 * @param aliases      other identifiers of the same model in public datasets, for joins
 * @param attributes   further source-specific facts (e.g. domain, base model, notability) for filters
 * @param source       where the facts come from
 */
public record Model(
        String id,
        String name,
        String organization,
        List<String> countries,
        Access access,
        String license,
        Optional<LocalDate> releaseDate,
        OptionalDouble parameters,
        OptionalDouble trainingComputeFlop,
        List<String> aliases,
        Map<String, String> attributes,
        String source) {

    /** The attribute naming whether the weights are a {@link #BASE} model or an {@link #INSTRUCT} (post-trained) one. */
    public static final String VARIANT = "variant";
    /** The attribute listing, separated by ';', the names of the base model a post-trained model was made from. */
    public static final String BASE_MODEL = "base_model";
    /** A pretrained model before instruction or chat tuning. */
    public static final String BASE = "base";
    /** A post-trained model: instruct, chat, reasoning or any closed model served to users. */
    public static final String INSTRUCT = "instruct";

    public Model {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organization, "organization");
        countries = List.copyOf(countries);
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(releaseDate, "releaseDate");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(trainingComputeFlop, "trainingComputeFlop");
        aliases = List.copyOf(aliases);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(source, "source");
    }

    /** Starts a model with only the required facts; the builder fills the rest with "unknown". */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** True when the developer's countries include {@code code} (for multinational developers too). */
    public boolean isFrom(String code) {
        return countries.contains(code);
    }

    /** The names of the base model this model was post-trained from (empty for base models and when unknown). */
    public List<String> baseModelNames() {
        return attribute(BASE_MODEL).map(text -> java.util.Arrays.stream(text.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /** A named attribute, or empty. */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** Builds a {@link Model} step by step; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String name;
        private String organization = "";
        private List<String> countries = List.of();
        private Access access = Access.UNKNOWN;
        private String license = "";
        private LocalDate releaseDate;
        private Double parameters;
        private Double trainingComputeFlop;
        private List<String> aliases = List.of();
        private Map<String, String> attributes = Map.of();
        private String source = "";

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        public Builder organization(String value) {
            organization = value;
            return this;
        }

        public Builder countries(List<String> value) {
            countries = value;
            return this;
        }

        public Builder access(Access value) {
            access = value;
            return this;
        }

        public Builder license(String value) {
            license = value;
            return this;
        }

        public Builder releaseDate(LocalDate value) {
            releaseDate = value;
            return this;
        }

        public Builder parameters(Double value) {
            parameters = value;
            return this;
        }

        public Builder trainingComputeFlop(Double value) {
            trainingComputeFlop = value;
            return this;
        }

        public Builder aliases(List<String> value) {
            aliases = value;
            return this;
        }

        public Builder attributes(Map<String, String> value) {
            attributes = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public Model build() {
            return new Model(id, name, organization, countries, access, license,
                    Optional.ofNullable(releaseDate),
                    parameters == null ? OptionalDouble.empty() : OptionalDouble.of(parameters),
                    trainingComputeFlop == null ? OptionalDouble.empty() : OptionalDouble.of(trainingComputeFlop),
                    aliases, attributes, source);
        }
    }
}
