package dev.gapwise.gateway.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens of one attempt, always within {@code 0..MAX_TOKENS}. Counts an upstream reports are taken through
 * {@link #reported}, which clamps an implausible count (negative, or beyond any context window) instead of
 * failing, and says what it changed in {@code anomaly}: the call was billed, so its row is written either way.
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param estimated    true when the provider did not report them and they were estimated from text length
 * @param anomaly      what was wrong with the reported counts and what was recorded instead, if anything
 */
public record Usage(long inputTokens, long outputTokens, boolean estimated, Optional<String> anomaly) {
    /** More tokens than any deployment's context window: a count above it is an upstream bug. */
    public static final long MAX_TOKENS = 1_000_000_000L;
    public static final Usage NONE = new Usage(0, 0, false);

    public Usage {
        Objects.requireNonNull(anomaly, "anomaly");
        if (inputTokens < 0 || outputTokens < 0 || inputTokens > MAX_TOKENS || outputTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("token counts must be within 0.." + MAX_TOKENS
                    + "; use Usage.reported for counts from an upstream");
        }
    }

    public Usage(long inputTokens, long outputTokens, boolean estimated) {
        this(inputTokens, outputTokens, estimated, Optional.empty());
    }

    /** Counts as an upstream reported them, clamped into range with the anomaly noted. */
    public static Usage reported(long inputTokens, long outputTokens) {
        List<String> anomalies = new ArrayList<>(2);
        long input = clamp("input_tokens", inputTokens, anomalies);
        long output = clamp("output_tokens", outputTokens, anomalies);
        return new Usage(input, output, false,
                anomalies.isEmpty() ? Optional.empty() : Optional.of("upstream usage " + String.join("; ", anomalies)));
    }

    /** Counts estimated from text length. */
    public static Usage estimated(long inputTokens, long outputTokens) {
        return new Usage(Math.min(inputTokens, MAX_TOKENS), Math.min(outputTokens, MAX_TOKENS), true);
    }

    /** A rough count for text the provider did not count: about four characters a token. */
    public static long estimateTokens(long characters) {
        return Math.max(0, characters / 4 + (characters % 4 == 0 ? 0 : 1));
    }

    private static long clamp(String name, long value, List<String> anomalies) {
        if (value < 0) {
            anomalies.add(name + " " + value + " is negative, recorded as 0");
            return 0;
        }
        if (value > MAX_TOKENS) {
            anomalies.add(name + " " + value + " exceeds " + MAX_TOKENS + ", recorded as " + MAX_TOKENS);
            return MAX_TOKENS;
        }
        return value;
    }
}
