package dev.gapwise.gateway.price;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.dialect.neutral.Usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a deployment charges, in US dollars per million tokens of each kind it bills: input at the full rate,
 * output (reasoning included), cache reads, cache writes with a five-minute and a one-hour lifetime. The one
 * place a {@link Usage} becomes money: the ledger, budgets and the savings baseline all price through {@link
 * #cost}. Immutable.
 *
 * @param input        USD per 1M input tokens at the full rate
 * @param output       USD per 1M output tokens
 * @param cacheRead    USD per 1M prompt tokens read from the cache
 * @param cacheWrite   USD per 1M prompt tokens written to the cache (five-minute lifetime)
 * @param cacheWrite1h USD per 1M prompt tokens written to the cache with a one-hour lifetime
 */
public record TokenPrice(BigDecimal input, BigDecimal output, BigDecimal cacheRead, BigDecimal cacheWrite,
                         BigDecimal cacheWrite1h) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Anthropic's cache multipliers of the input rate, the same for every Claude model. */
    private static final BigDecimal ANTHROPIC_READ = new BigDecimal("0.1");
    private static final BigDecimal ANTHROPIC_WRITE = new BigDecimal("1.25");
    private static final BigDecimal ANTHROPIC_WRITE_1H = new BigDecimal("2");

    public TokenPrice {
        for (BigDecimal rate : new BigDecimal[] {input, output, cacheRead, cacheWrite, cacheWrite1h}) {
            Objects.requireNonNull(rate, "rate");
            if (rate.signum() < 0) {
                throw new IllegalArgumentException("prices cannot be negative: " + rate.toPlainString());
            }
        }
    }

    /**
     * A list price completed with the cache rates a provider of {@code dialect} charges when none is configured:
     * Anthropic's published multipliers (reads 0.1×, writes 1.25×, one-hour writes 2× the input rate); for any
     * other dialect the input rate, which never bills a cached token below what it may cost.
     */
    public static TokenPrice defaults(Price list, Dialect dialect) {
        BigDecimal in = list.inputPerMillion();
        return knowsCacheRates(dialect)
                ? new TokenPrice(in, list.outputPerMillion(), in.multiply(ANTHROPIC_READ), in.multiply(ANTHROPIC_WRITE),
                in.multiply(ANTHROPIC_WRITE_1H))
                : new TokenPrice(in, list.outputPerMillion(), in, in, in);
    }

    /** True when {@link #defaults} knows a dialect's published cache multipliers (only Anthropic's so far). */
    public static boolean knowsCacheRates(Dialect dialect) {
        return switch (dialect) {
            case ANTHROPIC -> true;
            case OPENAI, GEMINI -> false;
        };
    }

    /** The cost of an attempt's tokens in USD, to a billionth of a dollar. */
    public BigDecimal cost(Usage usage) {
        BigDecimal total = input.multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(output.multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(cacheRead.multiply(BigDecimal.valueOf(usage.cacheReadTokens())))
                .add(cacheWrite.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(cacheWrite1h.multiply(BigDecimal.valueOf(usage.cacheWrite1hTokens())));
        return total.divide(MILLION, Price.COST_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * The most {@code promptTokens} and {@code outputTokens} can cost: each prompt token at the dearest prompt
     * rate when the request may write to the cache, else at the input rate.
     */
    public BigDecimal worstCase(long promptTokens, long outputTokens, boolean mayWriteCache) {
        BigDecimal promptRate = mayWriteCache ? input.max(cacheWrite).max(cacheWrite1h) : input;
        return promptRate.multiply(BigDecimal.valueOf(promptTokens)).add(output.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, Price.COST_SCALE, RoundingMode.UP);
    }

    /** Three input tokens and one output token at list rates: the usual shape of chat traffic, for ordering. */
    public BigDecimal blended() {
        return input.multiply(BigDecimal.valueOf(3)).add(output);
    }
}
