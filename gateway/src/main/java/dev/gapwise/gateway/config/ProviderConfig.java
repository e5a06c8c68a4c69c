package dev.gapwise.gateway.config;

import dev.gapwise.catalog.Dialect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One upstream provider: where it is, which wire API it speaks, and which environment variable holds its key.
 *
 * @param name    the name deployments refer to, e.g. {@code deepseek}
 * @param dialect the wire API
 * @param baseUrl the API base, version included ({@code https://api.openai.com/v1})
 * @param apiKey  the key's environment variable; empty for keyless local servers (Ollama, vLLM)
 * @param discover list the host's models at start and add each as a zero-price deployment (local servers)
 */
public record ProviderConfig(String name, Dialect dialect, URI baseUrl, Optional<SecretRef> apiKey,
                             boolean discover) {
    public ProviderConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
    }
}
