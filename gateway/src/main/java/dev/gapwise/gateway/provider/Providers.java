package dev.gapwise.gateway.provider;

import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.provider.anthropic.AnthropicProvider;
import dev.gapwise.gateway.provider.openai.OpenAiProvider;

import java.util.Optional;

/** The explicit registry of dialects the gateway can call; no classpath scanning. Immutable. */
public final class Providers {
    private final Provider openAi = new OpenAiProvider();
    private final Provider anthropic = new AnthropicProvider();

    /** The provider for a dialect, empty for dialects not implemented yet (Gemini). */
    public Optional<Provider> forDialect(Dialect dialect) {
        return switch (dialect) {
            case OPENAI -> Optional.of(openAi);
            case ANTHROPIC -> Optional.of(anthropic);
            case GEMINI -> Optional.empty();
        };
    }
}
