package dev.gapwise.gateway.dialect;

import java.util.Objects;

/**
 * Everything the gateway knows about one wire dialect, in three parts: how a client request in it is checked and
 * how errors are written in it ({@link DialectIngress}), how it maps to and from the neutral records ({@link
 * DialectMapping}), and how an upstream speaking it is called ({@link DialectUpstream}). Each dialect package
 * ({@code dialect/openai}, {@code dialect/anthropic}, …) has one constant of this type, registered in {@link
 * Dialects}. Immutable.
 */
public record WireDialect(DialectKind kind, DialectIngress ingress, DialectMapping mapping, DialectUpstream upstream) {
    public WireDialect {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ingress, "ingress");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(upstream, "upstream");
    }

    public String id() {
        return kind.id();
    }
}
