package dev.gapwise.gateway.dialect.gemini;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.WireDialect;

/** The Gemini generateContent dialect, assembled. */
public final class GeminiDialect {
    public static final WireDialect DIALECT = new WireDialect(DialectKind.GEMINI, new GeminiIngress(),
            new GeminiMapping(), new GeminiUpstream());

    private GeminiDialect() {
    }
}
