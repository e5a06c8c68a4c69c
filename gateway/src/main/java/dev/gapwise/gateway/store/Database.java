package dev.gapwise.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migrated connection pool on SQLite or PostgreSQL. SQLite runs in WAL mode with {@code synchronous=NORMAL}:
 * a committed transaction survives a process crash.
 *
 * <p>{@link #open} is for commands that need the database now and fails when it cannot be reached. {@link
 * #openForServing} is for the gateway, which must start and serve while the database is down: when the database
 * does not answer at start, the pool is created anyway and the migrations run on the first connection that
 * succeeds; when it answers, a migration that fails still stops the start. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final long CONNECTION_TIMEOUT_MILLIS = 2_000;

    private final HikariDataSource dataSource;
    private final boolean sqlite;
    private final String redactedUrl;
    private volatile boolean migrated;

    private Database(HikariDataSource dataSource, boolean sqlite, String redactedUrl, boolean migrated) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.redactedUrl = redactedUrl;
        this.migrated = migrated;
    }

    /** Opens the database at {@code jdbcUrl} and applies pending migrations; fails when it cannot be reached. */
    public static Database open(String jdbcUrl) {
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config(jdbcUrl, false));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        Database database = new Database(dataSource, jdbcUrl.startsWith("jdbc:sqlite:"), redact(jdbcUrl), false);
        database.migrateOrFail();
        return database;
    }

    /**
     * Opens the database for the gateway: as {@link #open} when it answers; when it does not, a pool that
     * connects (and migrates) once it does. {@link #reachableAtStart} tells which.
     */
    public static Database openForServing(String jdbcUrl) {
        HikariDataSource dataSource = new HikariDataSource(config(jdbcUrl, true));
        Database database = new Database(dataSource, jdbcUrl.startsWith("jdbc:sqlite:"), redact(jdbcUrl), false);
        boolean reachable;
        try (Connection ignored = dataSource.getConnection()) {
            reachable = true;
        } catch (SQLException e) {
            reachable = false;
        }
        if (reachable) {
            database.migrateOrFail();
        }
        return database;
    }

    private static HikariConfig config(String jdbcUrl, boolean tolerateOutage) {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("gapwise-db");
        config.setMaximumPoolSize(sqlite ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(tolerateOutage ? CONNECTION_TIMEOUT_MILLIS : 5_000);
        if (tolerateOutage) {
            config.setInitializationFailTimeout(-1);
        }
        if (sqlite) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
        }
        return config;
    }

    private void migrateOrFail() {
        try {
            migrate();
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the database " + redactedUrl + ": " + e.getMessage(), e);
        }
    }

    private synchronized void migrate() throws SQLException {
        if (migrated) {
            return;
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            migrated = true;
        } catch (RuntimeException e) {
            throw new SQLException(rootMessage(e), "08000", e);
        }
    }

    /** True when the migrations have run (at start, or on the first connection after an outage). */
    public boolean migrated() {
        return migrated;
    }

    /** A pooled connection to the migrated database; waits at most a few seconds when the database is down. */
    public Connection connection() throws SQLException {
        if (!migrated) {
            migrate();
        }
        return dataSource.getConnection();
    }

    /** True for the embedded SQLite database. */
    public boolean sqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
