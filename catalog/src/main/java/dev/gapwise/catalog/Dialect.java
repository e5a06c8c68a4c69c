package dev.gapwise.catalog;

import java.util.Locale;
import java.util.Optional;

/** The wire API a deployment speaks. OpenAI-compatible hosts (DeepSeek, Qwen, vLLM, …) are {@link #OPENAI}. */
public enum Dialect {
    OPENAI,
    ANTHROPIC,
    GEMINI;

    /** Parses the lower-case name used in data files and configuration. */
    public static Optional<Dialect> parse(String text) {
        for (Dialect dialect : values()) {
            if (dialect.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    /** The lower-case name used in data files and configuration. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
