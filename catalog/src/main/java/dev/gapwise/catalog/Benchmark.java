package dev.gapwise.catalog;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A benchmark or index that models are scored on.
 *
 * @param id          short lower-case identifier used on the command line (e.g. {@code gpqa_diamond}, {@code eci})
 * @param displayName human name for reports
 * @param scale       what the numbers mean
 */
public record Benchmark(String id, String displayName, Scale scale) {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public Benchmark {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(scale, "scale");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("benchmark id must be lower-case letters, digits, '_', '.', '-': " + id);
        }
    }
}
