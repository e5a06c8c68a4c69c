package dev.gapwise.gateway.dialect.openai;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.WireDialect;

/** The OpenAI Chat Completions dialect, assembled. */
public final class OpenAiDialect {
    public static final WireDialect DIALECT = new WireDialect(DialectKind.OPENAI, new OpenAiIngress(),
            new OpenAiMapping(), new OpenAiUpstream());

    private OpenAiDialect() {
    }
}
