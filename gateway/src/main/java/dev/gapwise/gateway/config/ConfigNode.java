package dev.gapwise.gateway.config;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A position in the parsed YAML tree with its dotted key path, and typed reads that name that path in errors. */
record ConfigNode(String path, JsonNode value) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ConfigException error(String name, String problem) {
        return new ConfigException(key(name), problem);
    }

    void only(String... allowed) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isObject()) {
            throw new ConfigException(path, "must be a mapping of keys to values");
        }
        List<String> names = List.of(allowed);
        for (String name : value.propertyNames()) {
            if (!names.contains(name)) {
                throw error(name, "unknown key; expected one of " + String.join(", ", names));
            }
        }
    }

    Iterable<String> keys() {
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isObject()) {
            throw new ConfigException(path, "must be a mapping of names to settings");
        }
        return value.propertyNames();
    }

    int size() {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isArray()) {
            throw new ConfigException(path, "must be a list (each item starting with '- ')");
        }
        return value.size();
    }

    ConfigNode element(int index) {
        return new ConfigNode(path + "[" + index + "]", value.get(index));
    }

    ConfigNode child(String name) {
        return new ConfigNode(key(name), value.path(name));
    }

    Optional<String> optionalText(String name) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isValueNode() || field.asString().isBlank()) {
            throw error(name, "must be a non-empty text value");
        }
        return Optional.of(field.asString().strip());
    }

    String requiredText(String name) {
        return optionalText(name).orElseThrow(() -> error(name, "missing; this key is required"));
    }

    Optional<Integer> optionalInt(String name) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isIntegralNumber() || !field.canConvertToInt()) {
            throw error(name, "'" + field.asString() + "' must be a whole number");
        }
        return Optional.of(field.intValue());
    }

    Optional<Long> optionalLong(String name) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isIntegralNumber() || !field.canConvertToLong() || field.longValue() < 0) {
            throw error(name, "'" + field.asString() + "' must be a whole number of bytes, 0 or more");
        }
        return Optional.of(field.longValue());
    }

    Optional<Boolean> optionalBoolean(String name) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        if (!field.isBoolean()) {
            throw error(name, "'" + field.asString() + "' must be true or false");
        }
        return Optional.of(field.booleanValue());
    }

    Optional<BigDecimal> optionalDecimal(String name, String unit) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return Optional.empty();
        }
        try {
            BigDecimal decimal = new BigDecimal(field.asString());
            if (decimal.signum() < 0) {
                throw error(name, "'" + field.asString() + "' cannot be negative");
            }
            return Optional.of(decimal);
        } catch (NumberFormatException e) {
            throw error(name, "'" + field.asString() + "' must be a number of " + unit);
        }
    }

    /** A list of text values, or one text value as a list of one. */
    List<String> texts(String name) {
        JsonNode field = value.path(name);
        if (field.isMissingNode() || field.isNull()) {
            return List.of();
        }
        if (field.isValueNode()) {
            return List.of(optionalText(name).orElseThrow());
        }
        if (!field.isArray()) {
            throw error(name, "must be a value or a list of values");
        }
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            JsonNode item = field.get(i);
            if (!item.isValueNode() || item.asString().isBlank()) {
                throw new ConfigException(key(name) + "[" + i + "]", "must be a non-empty text value");
            }
            texts.add(item.asString().strip());
        }
        return texts;
    }

    boolean has(String name) {
        JsonNode field = value.path(name);
        return !field.isMissingNode() && !field.isNull();
    }

    Optional<Duration> optionalDuration(String name) {
        return optionalText(name).map(text -> {
            Matcher m = DURATION.matcher(text);
            if (!m.matches()) {
                throw error(name, "'" + text + "' must be a duration such as 250ms, 5s, 2m or 1h");
            }
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        });
    }
}
