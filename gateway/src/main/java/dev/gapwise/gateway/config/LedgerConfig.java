package dev.gapwise.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger (and the virtual keys) live.
 *
 * @param jdbcUrl     {@code jdbc:sqlite:FILE} (the default) or {@code jdbc:postgresql://…}
 * @param pendingFile the local write-ahead file that makes a row durable before the database has it
 * @param batchWindow how long the writer waits to gather a batch before a database write (0: write at once)
 * @param fsync       force each pending-file append to disk (survives power loss, costs a disk flush per row)
 * @param responsesRetention how long a stored Responses API response is kept for {@code previous_response_id}
 */
public record LedgerConfig(String jdbcUrl, Path pendingFile, java.time.Duration batchWindow, boolean fsync,
                           java.time.Duration responsesRetention) {
    public static final LedgerConfig DEFAULT = new LedgerConfig("jdbc:sqlite:gapwise.db", Path.of("gapwise.db.pending"),
            java.time.Duration.ofMillis(200), false, java.time.Duration.ofDays(30));

    public LedgerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(pendingFile, "pendingFile");
        Objects.requireNonNull(batchWindow, "batchWindow");
        Objects.requireNonNull(responsesRetention, "responsesRetention");
    }

    public LedgerConfig withUrl(String url) {
        return new LedgerConfig(url, pendingFile, batchWindow, fsync, responsesRetention);
    }

    /** The JDBC URL with any password replaced, for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "LedgerConfig[jdbcUrl=" + redactedUrl() + ", pendingFile=" + pendingFile + ", batchWindow=" + batchWindow
                + ", fsync=" + fsync + ", responsesRetention=" + responsesRetention + "]";
    }
}
