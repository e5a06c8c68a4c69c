package dev.gapwise.gateway.dialect.anthropic;

import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.WireDialect;

/** The Anthropic Messages dialect, assembled. */
public final class AnthropicDialect {
    public static final WireDialect DIALECT = new WireDialect(DialectKind.ANTHROPIC, new AnthropicIngress(),
            new AnthropicMapping(), new AnthropicUpstream());

    private AnthropicDialect() {
    }
}
