package dev.gapwise.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migrated connection pool on SQLite or PostgreSQL. SQLite runs in WAL mode with {@code synchronous=NORMAL}:
 * a committed transaction survives a process crash. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean sqlite;

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
    }

    /** Opens the database at {@code jdbcUrl} and applies pending migrations. */
    public static Database open(String jdbcUrl) {
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("gapwise-db");
        config.setMaximumPoolSize(sqlite ? 4 : 8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        if (sqlite) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "10000");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new IllegalStateException("cannot migrate the database " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource, sqlite);
    }

    public Connection connection() throws SQLException {
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
