package dev.gapwise.gateway.dialect;

import dev.gapwise.catalog.Dialect;

import java.util.Locale;
import java.util.Optional;

/**
 * The wire dialects the gateway speaks, to clients and to upstreams. Every place that depends on the dialect is a
 * method of its {@link WireDialect} or an exhaustive {@code switch} over this type (no {@code default}), so a new
 * constant does not compile until {@link Dialects} and {@link #upstreamOf} say what it is.
 */
public enum DialectKind {
    OPENAI,
    ANTHROPIC;

    /** The lower-case name used in the ledger, logs and errors ({@code openai}, {@code anthropic}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dialect the gateway calls a catalog deployment of dialect {@code dialect} in; empty while the gateway
     * cannot call that dialect yet (its deployments are skipped at start with a note).
     */
    public static Optional<DialectKind> upstreamOf(Dialect dialect) {
        return switch (dialect) {
            case OPENAI -> Optional.of(OPENAI);
            case ANTHROPIC -> Optional.of(ANTHROPIC);
            // the seam for Gemini egress: map it here once dialect/gemini exists
            case GEMINI -> Optional.empty();
        };
    }
}
