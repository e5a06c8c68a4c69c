package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.price.TokenPrice;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The rates {@code gapwise.yaml} sets for one deployment (under {@code prices:} or a deployment's {@code price:}),
 * in USD per million tokens; what it leaves out comes from the catalog's list price and the dialect's defaults.
 */
public record PriceOverride(Optional<BigDecimal> input, Optional<BigDecimal> output, Optional<BigDecimal> cacheRead,
                            Optional<BigDecimal> cacheWrite, Optional<BigDecimal> cacheWrite1h) {
    public static final PriceOverride NONE = new PriceOverride(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public PriceOverride {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(cacheRead, "cacheRead");
        Objects.requireNonNull(cacheWrite, "cacheWrite");
        Objects.requireNonNull(cacheWrite1h, "cacheWrite1h");
    }

    /** The deployment's full price: these rates over its list price and the dialect's cache defaults. */
    public TokenPrice applyTo(Deployment deployment) {
        TokenPrice base = TokenPrice.defaults(deployment.price(), deployment.dialect());
        BigDecimal in = input.orElse(base.input());
        TokenPrice listed = input.isPresent()
                ? TokenPrice.defaults(new dev.gapwise.catalog.Price(in, output.orElse(base.output())), deployment.dialect())
                : base;
        return new TokenPrice(in, output.orElse(listed.output()), cacheRead.orElse(listed.cacheRead()),
                cacheWrite.orElse(listed.cacheWrite()), cacheWrite1h.orElse(listed.cacheWrite1h()));
    }

    /** These rates, with {@code other}'s where these set none. */
    public PriceOverride or(PriceOverride other) {
        return new PriceOverride(input.or(other::input), output.or(other::output), cacheRead.or(other::cacheRead),
                cacheWrite.or(other::cacheWrite), cacheWrite1h.or(other::cacheWrite1h));
    }

    /** True when a cache rate is set. */
    public boolean setsCacheRates() {
        return cacheRead.isPresent() || cacheWrite.isPresent() || cacheWrite1h.isPresent();
    }
}
