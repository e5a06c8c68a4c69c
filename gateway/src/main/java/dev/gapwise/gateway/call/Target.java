package dev.gapwise.gateway.call;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.WireDialect;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment ready to call: the dialect it speaks, endpoint and resolved key. The key is
 * redacted in {@link #toString()}.
 *
 * @param deployment what is called
 * @param dialect    the dialect it is called in
 * @param endpoint   the full chat URL
 * @param apiKey     the provider key from the environment; empty for keyless local servers
 */
public record Target(Deployment deployment, WireDialect dialect, URI endpoint, Optional<String> apiKey) {
    public Target {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "Target[" + deployment.id() + " -> " + endpoint + (apiKey.isPresent() ? ", key=***" : "") + "]";
    }
}
