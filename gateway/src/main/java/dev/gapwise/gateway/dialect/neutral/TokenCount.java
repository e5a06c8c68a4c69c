package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.databind.JsonNode;

import java.util.OptionalLong;

/**
 * Reads a token count from an upstream's JSON without failing on what an upstream may send: a count beyond the
 * {@code long} range saturates, a fractional one is truncated, anything that is not a number is absent. Range
 * checks happen in {@link dev.gapwise.gateway.dialect.neutral.Usage#reported}. Pure.
 */
public final class TokenCount {
    private TokenCount() {
    }

    public static OptionalLong of(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return OptionalLong.empty();
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                return OptionalLong.of(node.longValue());
            }
            return OptionalLong.of(node.bigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
        double value = node.doubleValue();
        return Double.isNaN(value) ? OptionalLong.empty() : OptionalLong.of((long) value);
    }

    /** The count, or {@code fallback} when absent. */
    public static long of(JsonNode node, long fallback) {
        return of(node).orElse(fallback);
    }

    /** {@code a + b} that saturates instead of overflowing. */
    public static long sum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
