package dev.gapwise.gap;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Countries;
import dev.gapwise.catalog.Model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A named set of models, defined by a filter expression over the model's facts.
 *
 * <p>Expressions are comma-separated conditions that must all hold; each is {@code key=v1|v2} (any of the
 * values) or {@code key!=v1|v2} (none of them). Keys: {@code access} (open, closed), {@code country} (ISO
 * code or name; "contains", so a US–Chinese joint model is in both), {@code org} (organisation, exact,
 * case-insensitive), {@code license}, and {@code attr.NAME} for any model attribute. {@code all} matches
 * every model whose access is known. Examples: {@code access=open}, {@code country=CN},
 * {@code access=open,country!=CN}, {@code org=DeepSeek|Alibaba}.
 *
 * @param label      the name used in reports
 * @param expression the filter expression it was parsed from
 * @param predicate  the filter
 */
public record Group(String label, String expression, Predicate<Model> predicate) {
    public static final Group OPEN = parse("open weights", "access=open");
    public static final Group CLOSED = parse("closed", "access=closed");
    public static final Group ALL = parse("all models", "all");
    public static final Group US = parse("US", "country=US");
    public static final Group CHINA = parse("China", "country=CN");

    public Group {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(predicate, "predicate");
    }

    /** True when the model belongs to the group. */
    public boolean contains(Model model) {
        return predicate.test(model);
    }

    /**
     * Parses an expression; a malformed one is an {@link IllegalArgumentException} that names the bad part.
     */
    public static Group parse(String label, String expression) {
        String trimmed = expression.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty group expression; try access=open or country=CN");
        }
        List<Predicate<Model>> conditions = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            conditions.add(condition(part.strip()));
        }
        Predicate<Model> all = m -> conditions.stream().allMatch(c -> c.test(m));
        return new Group(label, trimmed, all);
    }

    private static Predicate<Model> condition(String text) {
        if (text.equalsIgnoreCase("all")) {
            return m -> m.access() != Access.UNKNOWN;
        }
        boolean negated = text.contains("!=");
        String[] sides = text.split(negated ? "!=" : "=", 2);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            throw new IllegalArgumentException("'" + text + "' is not a condition; write key=value or key!=value"
                    + " with key one of access, country, org, license, attr.NAME");
        }
        String key = sides[0].strip().toLowerCase(Locale.ROOT);
        List<String> values = Arrays.stream(sides[1].split("\\|", -1)).map(String::strip).toList();
        if (values.contains("")) {
            // An empty alternative would otherwise match models with unknown access or an empty field.
            throw new IllegalArgumentException("empty value in '" + text + "'; separate alternatives with one '|',"
                    + " as in access=open|closed");
        }
        Predicate<Model> any = switch (key) {
            case "access" -> accessCondition(values);
            case "country" -> {
                List<String> codes = values.stream().map(Countries::normalise).toList();
                yield m -> codes.stream().anyMatch(m::isFrom);
            }
            case "org", "organization", "organisation" -> m -> values.stream()
                    .anyMatch(v -> m.organization().equalsIgnoreCase(v)
                            || Arrays.stream(m.organization().split(",")).anyMatch(o -> o.strip().equalsIgnoreCase(v)));
            case "license", "licence" -> m -> values.stream().anyMatch(v -> m.license().equalsIgnoreCase(v));
            default -> {
                if (!key.startsWith("attr.") || key.length() == 5) {
                    throw new IllegalArgumentException("unknown key '" + sides[0].strip()
                            + "' in '" + text + "'; use access, country, org, license or attr.NAME");
                }
                String attribute = key.substring(5);
                yield m -> m.attribute(attribute).map(a -> values.stream().anyMatch(a::equalsIgnoreCase)).orElse(false);
            }
        };
        return negated ? any.negate() : any;
    }

    private static Predicate<Model> accessCondition(List<String> values) {
        List<Access> accesses = new ArrayList<>();
        for (String value : values) {
            Access access = Access.parse(value).orElseThrow(() -> new IllegalArgumentException(
                    "access must be open or closed, not '" + value + "'"));
            accesses.add(access);
        }
        return m -> accesses.contains(m.access());
    }

    /**
     * A readable name for an expression, for titles and legends when the user gives none:
     * {@code access=closed,country=US} reads "closed, US"; {@code org=DeepSeek|Alibaba} reads "DeepSeek or
     * Alibaba"; {@code country!=CN} reads "not CN"; {@code all} reads "all models".
     */
    public static String readable(String expression) {
        List<String> parts = new ArrayList<>();
        for (String part : expression.strip().split(",")) {
            String text = part.strip();
            if (text.equalsIgnoreCase("all")) {
                parts.add("all models");
                continue;
            }
            boolean negated = text.contains("!=");
            String[] sides = text.split(negated ? "!=" : "=", 2);
            if (sides.length != 2) {
                parts.add(text);
                continue;
            }
            String key = sides[0].strip().toLowerCase(Locale.ROOT);
            String values = String.join(" or ", Arrays.stream(sides[1].split("\\|")).map(String::strip)
                    .map(v -> key.equals("access") ? (v.equalsIgnoreCase("open") ? "open weights" : v.toLowerCase(Locale.ROOT))
                            : key.equals("country") ? Countries.normalise(v) : v).toList());
            String phrase = switch (key) {
                case "license", "licence" -> "licence " + values;
                case "access", "country", "org", "organization", "organisation" -> values;
                default -> key.startsWith("attr.") ? key.substring(5) + " " + values : text;
            };
            parts.add(negated ? "not " + phrase : phrase);
        }
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return label + " [" + expression + "]";
    }
}
