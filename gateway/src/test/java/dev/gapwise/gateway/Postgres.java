package dev.gapwise.gateway;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The local PostgreSQL at 127.0.0.1:5432 (database {@code test}, trust auth), one fresh schema per use; a test that
 * needs it is skipped with a message when it does not answer.
 */
public final class Postgres implements AutoCloseable {
    public static final int PORT = 5432;
    private final String base;
    private final String schema;

    private Postgres(String base, String schema) {
        this.base = base;
        this.schema = schema;
    }

    /** A new empty schema; the gateway's migrations create the tables in it. */
    public static Postgres schema() {
        String base = "jdbc:postgresql://127.0.0.1:" + PORT + "/test?user=" + user();
        String schema = "gapwise_test_" + Long.toHexString(System.nanoTime());
        execute(base, "CREATE SCHEMA " + schema);
        return new Postgres(base, schema);
    }

    /** The JDBC URL of the schema, at {@code host:port} (a proxy's, say). */
    public String url(String hostAndPort) {
        return base.replace("127.0.0.1:" + PORT, hostAndPort) + "&currentSchema=" + schema;
    }

    public String url() {
        return url("127.0.0.1:" + PORT);
    }

    /** Runs a statement in the schema. */
    public void execute(String sql) {
        execute(url(), sql);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first of postgres/root that connects; skips the test with a message when PostgreSQL is unreachable. */
    public static String user() {
        for (String user : List.of("postgres", "root")) {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/test?user=" + user)) {
                return user;
            } catch (SQLException e) {
                // try the next user
            }
        }
        Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres or root): "
                + "skipping the PostgreSQL test");
        return null;
    }

    @Override
    public void close() {
        execute(base, "DROP SCHEMA " + schema + " CASCADE");
    }
}
