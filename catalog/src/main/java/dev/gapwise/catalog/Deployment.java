package dev.gapwise.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One way to call a model: a provider's endpoint, its dialect, where inference runs, and its list price.
 * The same open-weight model on its maker's API in China and on a US host is two deployments.
 *
 * @param id            unique identifier, e.g. {@code deepseek-v3@together}
 * @param modelId       the model in the catalog
 * @param provider      provider name, e.g. {@code openai}, {@code together}
 * @param dialect       wire API
 * @param baseUrl       the API base URL
 * @param upstreamModel the model name the provider expects
 * @param jurisdiction  ISO 3166-1 alpha-2 code of where inference runs
 * @param price         list price
 * @param contextWindow context window in tokens, when known
 * @param priceAsOf     date the price was checked
 * @param source        where the price comes from
 */
public record Deployment(String id, String modelId, String provider, Dialect dialect, URI baseUrl,
                         String upstreamModel, String jurisdiction, Price price, OptionalLong contextWindow,
                         LocalDate priceAsOf, String source) {
    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(upstreamModel, "upstreamModel");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(contextWindow, "contextWindow");
        Objects.requireNonNull(priceAsOf, "priceAsOf");
        Objects.requireNonNull(source, "source");
    }
}
