package dev.gapwise.ui;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The databases the dashboard tests run on: a fresh SQLite file, or a fresh schema of the local PostgreSQL
 * (127.0.0.1:5432, database test, trust auth; the test is skipped with a message when it does not answer).
 */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A JDBC URL for a new SQLite file in {@code folder}. */
    public static String sqlite(Path folder) {
        return "jdbc:sqlite:" + folder.resolve("ledger-" + System.nanoTime() + ".db");
    }

    /** A JDBC URL for a new PostgreSQL schema (dropped by {@link #dropPostgres}). */
    public static String postgres() {
        for (String user : List.of("postgres", "root")) {
            String base = "jdbc:postgresql://127.0.0.1:5432/test?user=" + user;
            try (Connection connection = DriverManager.getConnection(base)) {
                String schema = "gapwise_ui_test_" + Long.toHexString(System.nanoTime());
                connection.createStatement().execute("CREATE SCHEMA " + schema);
                return base + "&currentSchema=" + schema;
            } catch (SQLException e) {
                // next user
            }
        }
        Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 (database test): skipping the PostgreSQL run");
        throw new AssertionError("unreachable");
    }

    /** Drops the schema of a URL made by {@link #postgres}; nothing for other URLs. */
    public static void dropPostgres(String url) {
        int at = url.indexOf("&currentSchema=");
        if (!url.startsWith("jdbc:postgresql:") || at < 0) {
            return;
        }
        String schema = url.substring(at + "&currentSchema=".length());
        try (Connection connection = DriverManager.getConnection(url.substring(0, at))) {
            connection.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
