package dev.gapwise.gateway.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A secret named by the environment variable that holds it. The value is looked up only when a request is
 * sent upstream and never appears in {@link #toString()}.
 *
 * @param variable the environment variable's name, e.g. {@code OPENAI_API_KEY}
 */
public record SecretRef(String variable) {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SecretRef {
        Objects.requireNonNull(variable, "variable");
        if (!NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("'" + variable + "' is not an environment variable name");
        }
    }

    /** The secret's value in this environment, if the variable is set and not blank. */
    public Optional<String> resolve(Map<String, String> environment) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return "${" + variable + "}";
    }
}
