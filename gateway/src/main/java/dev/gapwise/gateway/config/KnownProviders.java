package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Dialect;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers Gapwise knows without a configuration file: one row each, used when its key variable is set
 * (keyless local servers are probed instead). OpenAI-compatible hosts differ only in these data.
 */
public final class KnownProviders {
    /** One well-known provider. */
    public record Row(String name, Dialect dialect, String baseUrl, String keyVariable) {
        ProviderConfig config(boolean discover) {
            return new ProviderConfig(name, dialect, URI.create(baseUrl),
                    keyVariable.isEmpty() ? Optional.empty() : Optional.of(new SecretRef(keyVariable)), discover);
        }
    }

    /** The local Ollama server, probed at start. */
    public static final Row OLLAMA = new Row("ollama", Dialect.OPENAI, "http://localhost:11434/v1", "");

    public static final List<Row> ROWS = List.of(
            new Row("openai", Dialect.OPENAI, "https://api.openai.com/v1", "OPENAI_API_KEY"),
            new Row("anthropic", Dialect.ANTHROPIC, "https://api.anthropic.com/v1", "ANTHROPIC_API_KEY"),
            new Row("google", Dialect.GEMINI, "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
            new Row("deepseek", Dialect.OPENAI, "https://api.deepseek.com/v1", "DEEPSEEK_API_KEY"),
            new Row("dashscope", Dialect.OPENAI, "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
                    "DASHSCOPE_API_KEY"),
            new Row("moonshot", Dialect.OPENAI, "https://api.moonshot.ai/v1", "MOONSHOT_API_KEY"),
            new Row("zhipu", Dialect.OPENAI, "https://api.z.ai/api/paas/v4", "ZHIPU_API_KEY"),
            new Row("xai", Dialect.OPENAI, "https://api.x.ai/v1", "XAI_API_KEY"),
            new Row("mistral", Dialect.OPENAI, "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
            new Row("together", Dialect.OPENAI, "https://api.together.xyz/v1", "TOGETHER_API_KEY"),
            new Row("groq", Dialect.OPENAI, "https://api.groq.com/openai/v1", "GROQ_API_KEY"),
            new Row("fireworks", Dialect.OPENAI, "https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY"),
            new Row("openrouter", Dialect.OPENAI, "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY"),
            new Row("vllm", Dialect.OPENAI, "http://localhost:8000/v1", "VLLM_API_KEY"),
            OLLAMA);

    private KnownProviders() {
    }

    /** A known provider by name. */
    public static Optional<Row> byName(String name) {
        return ROWS.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * The built-in configuration: every known provider whose key variable is set, plus Ollama when {@code
     * ollamaAnswers}; the catalog supplies their deployments.
     */
    public static GatewayConfig defaults(Map<String, String> environment, boolean ollamaAnswers) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        for (Row row : ROWS) {
            if (row == OLLAMA) {
                if (ollamaAnswers) {
                    providers.put(row.name(), row.config(true));
                }
            } else if (new SecretRef(row.keyVariable()).resolve(environment).isPresent()) {
                providers.put(row.name(), row.config(false));
            }
        }
        return GatewayConfig.of(providers);
    }
}
