package dev.gapwise.gateway.call;

/**
 * Tokens of one attempt.
 *
 * @param inputTokens  prompt tokens
 * @param outputTokens completion tokens
 * @param estimated    true when the provider did not report them and they were estimated from text length
 */
public record Usage(long inputTokens, long outputTokens, boolean estimated) {
    public static final Usage NONE = new Usage(0, 0, false);

    public Usage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** A rough count for text the provider did not count: about four characters a token. */
    public static long estimateTokens(long characters) {
        return (characters + 3) / 4;
    }
}
