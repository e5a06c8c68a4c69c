package dev.gapwise.gateway.dialect;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.dialect.anthropic.AnthropicDialect;
import dev.gapwise.gateway.dialect.openai.OpenAiDialect;

import org.eclipse.jetty.http.HttpFields;

import java.util.Optional;

/** The explicit registry of dialects; no classpath scanning. Stateless. */
public final class Dialects {
    private Dialects() {
    }

    /** The implementation of a dialect. */
    public static WireDialect of(DialectKind kind) {
        return switch (kind) {
            case OPENAI -> OpenAiDialect.DIALECT;
            case ANTHROPIC -> AnthropicDialect.DIALECT;
        };
    }

    /**
     * The dialect to answer a request outside the chat endpoints in (a refusal, a wrong path, the model list): the
     * first that {@link DialectIngress#claims} it, else OpenAI's.
     */
    public static WireDialect forRequest(String path, HttpFields headers) {
        for (DialectKind kind : DialectKind.values()) {
            if (of(kind).ingress().claims(path == null ? "" : path, headers)) {
                return of(kind);
            }
        }
        return of(DialectKind.OPENAI);
    }

    /** The dialect a catalog deployment is called in, empty for dialects the gateway cannot call yet. */
    public static Optional<WireDialect> upstream(Dialect dialect) {
        return DialectKind.upstreamOf(dialect).map(Dialects::of);
    }
}
