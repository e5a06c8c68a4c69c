package dev.gapwise.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A list price in US dollars per million input and output tokens. Money is {@link BigDecimal}, never double.
 *
 * @param inputPerMillion  USD per 1M input (prompt) tokens
 * @param outputPerMillion USD per 1M output (completion) tokens
 */
public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** Costs are kept to a billionth of a dollar; a cheap call costs far less than a cent. */
    public static final int COST_SCALE = 9;

    public Price {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative: " + inputPerMillion + " / " + outputPerMillion);
        }
    }

    /** Parses two decimal strings such as "2.50" and "10.00". */
    public static Price of(String inputPerMillion, String outputPerMillion) {
        return new Price(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    /** The cost of one call with the given token counts, in USD. */
    public BigDecimal cost(long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative: " + inputTokens + " / " + outputTokens);
        }
        BigDecimal total = inputPerMillion.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(outputTokens)));
        return total.divide(MILLION, COST_SCALE, RoundingMode.HALF_UP);
    }
}
