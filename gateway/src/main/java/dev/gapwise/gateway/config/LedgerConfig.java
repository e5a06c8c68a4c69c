package dev.gapwise.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the ledger (and the virtual keys) live.
 *
 * @param jdbcUrl     {@code jdbc:sqlite:FILE} (the default) or {@code jdbc:postgresql://…}
 * @param pendingFile the local write-ahead file that makes a row durable before the database has it
 */
public record LedgerConfig(String jdbcUrl, Path pendingFile) {
    public static final LedgerConfig DEFAULT = new LedgerConfig("jdbc:sqlite:gapwise.db", Path.of("gapwise.db.pending"));

    public LedgerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(pendingFile, "pendingFile");
    }

    /** The JDBC URL with any password replaced, for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "LedgerConfig[jdbcUrl=" + redactedUrl() + ", pendingFile=" + pendingFile + "]";
    }
}
