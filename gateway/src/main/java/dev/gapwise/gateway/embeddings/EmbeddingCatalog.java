package dev.gapwise.gateway.embeddings;

import dev.gapwise.catalog.DataFileException;
import dev.gapwise.catalog.csv.CsvRow;
import dev.gapwise.catalog.csv.CsvTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The bundled embedding catalog ({@code gapwise/gateway/embeddings.csv}): common embedding models on their
 * providers, each with its input price per million tokens, the date it was checked and where it comes from.
 * Embeddings have no output price.
 */
public final class EmbeddingCatalog {
    private static final String RESOURCE = "gapwise/gateway/embeddings.csv";

    private EmbeddingCatalog() {
    }

    /**
     * One embedding deployment of the catalog.
     *
     * @param id             unique id, e.g. {@code openai-text-embedding-3-small}
     * @param model          the model
     * @param provider       the provider name, as under {@code providers:}
     * @param baseUrl        the provider's API base
     * @param upstreamModel  the name the provider expects
     * @param region         where inference runs: a country code, {@code global} or {@code unknown}
     * @param inputPerMillion USD per million input tokens
     * @param dimensions     the default vector length
     * @param maxInputTokens the longest input the model takes
     * @param priceAsOf      when the price was checked
     * @param source         where the price is documented
     */
    public record Row(String id, String model, String provider, URI baseUrl, String upstreamModel, String region,
                      BigDecimal inputPerMillion, int dimensions, long maxInputTokens, LocalDate priceAsOf,
                      String source) {
    }

    /** Every row of the bundled catalog. */
    public static List<Row> bundled() {
        try (InputStream in = EmbeddingCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataFileException(RESOURCE, 0, "bundled resource missing from the jar (a broken build?)");
            }
            return read(CsvTable.read("bundled " + RESOURCE, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Row> read(CsvTable table) {
        table.require("id", "model", "provider", "base_url", "upstream_model", "region", "input_usd_per_mtok",
                "dimensions", "max_input_tokens", "price_as_of", "source");
        return table.rows().stream().map(EmbeddingCatalog::row).toList();
    }

    private static Row row(CsvRow row) {
        return new Row(row.requiredText("id"), row.requiredText("model"), row.requiredText("provider"),
                URI.create(row.requiredText("base_url")), row.requiredText("upstream_model"), row.requiredText("region"),
                row.decimal("input_usd_per_mtok"), (int) row.number("dimensions"), (long) row.number("max_input_tokens"),
                row.date("price_as_of"), row.requiredText("source"));
    }
}
