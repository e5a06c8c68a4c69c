package dev.gapwise.gateway.dialect.neutral;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tokens of one attempt as the provider bills them, each kind within {@code 0..MAX_TOKENS}. Input is split by its
 * price: {@code inputTokens} at the full input rate, cache reads and cache writes (five-minute and one-hour) at
 * their own rates; an OpenAI prompt's cached tokens are moved out of {@code inputTokens} into {@code
 * cacheReadTokens}. Reasoning tokens are part of {@code outputTokens} (they are billed as output) and are also
 * counted apart for the ledger. Counts an upstream reports are taken through {@link #reported}, which clamps an
 * implausible count (negative, or beyond any context window) instead of failing, and says what it changed in
 * {@code anomaly}: the call was billed, so its row is written either way.
 *
 * @param inputTokens        prompt tokens at the full input rate
 * @param outputTokens       completion tokens, reasoning included
 * @param cacheReadTokens    prompt tokens read from the provider's cache
 * @param cacheWriteTokens   prompt tokens written to the cache (five-minute lifetime, Anthropic's default)
 * @param cacheWrite1hTokens prompt tokens written to the cache with a one-hour lifetime
 * @param reasoningTokens    the part of {@code outputTokens} spent reasoning (informational)
 * @param estimated          true when the provider did not report them and they were estimated from text length
 * @param anomaly            what was wrong with the reported counts and what was recorded instead, if anything
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                    long cacheWrite1hTokens, long reasoningTokens, boolean estimated, Optional<String> anomaly) {
    /** More tokens than any deployment's context window: a count above it is an upstream bug. */
    public static final long MAX_TOKENS = 1_000_000_000L;
    public static final Usage NONE = new Usage(0, 0, false);

    public Usage {
        Objects.requireNonNull(anomaly, "anomaly");
        for (long count : new long[] {inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, cacheWrite1hTokens,
                reasoningTokens}) {
            if (count < 0 || count > MAX_TOKENS) {
                throw new IllegalArgumentException("token counts must be within 0.." + MAX_TOKENS
                        + "; use Usage.reported for counts from an upstream");
            }
        }
    }

    public Usage(long inputTokens, long outputTokens, boolean estimated) {
        this(inputTokens, outputTokens, 0, 0, 0, 0, estimated, Optional.empty());
    }

    /** Counts as an upstream reported them (no cache, no reasoning), clamped into range with the anomaly noted. */
    public static Usage reported(long inputTokens, long outputTokens) {
        return reported(inputTokens, outputTokens, 0, 0, 0, 0);
    }

    /** Every kind of count as an upstream reported it, clamped into range with the anomaly noted. */
    public static Usage reported(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                                 long cacheWrite1hTokens, long reasoningTokens) {
        List<String> anomalies = new ArrayList<>(2);
        long input = clamp("input_tokens", inputTokens, anomalies);
        long output = clamp("output_tokens", outputTokens, anomalies);
        long read = clamp("cache_read_tokens", cacheReadTokens, anomalies);
        long write = clamp("cache_write_tokens", cacheWriteTokens, anomalies);
        long write1h = clamp("cache_write_1h_tokens", cacheWrite1hTokens, anomalies);
        long reasoning = Math.min(clamp("reasoning_tokens", reasoningTokens, anomalies), output);
        return new Usage(input, output, read, write, write1h, reasoning, false,
                anomalies.isEmpty() ? Optional.empty() : Optional.of("upstream usage " + String.join("; ", anomalies)));
    }

    /** Counts estimated from text length. */
    public static Usage estimated(long inputTokens, long outputTokens) {
        return new Usage(Math.min(inputTokens, MAX_TOKENS), Math.min(outputTokens, MAX_TOKENS), true);
    }

    /** Every prompt token, whatever its rate: what a token rate limit counts. */
    public long promptTokens() {
        return inputTokens + cacheReadTokens + cacheWriteTokens + cacheWrite1hTokens;
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
