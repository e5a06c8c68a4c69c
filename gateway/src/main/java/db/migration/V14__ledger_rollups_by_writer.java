package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The rollups of V10 are kept by the ledger's writer from here on, not by a trigger: it sums each batch of new rows
 * in memory and adds them with one upsert per rollup key, in the transaction that inserts the rows
 * ({@code dev.gapwise.gateway.ledger.LedgerRollup}), where the trigger ran five upserts for every row. The tables
 * and their contents stay as they are: up to this migration the trigger kept them, after it the writer does.
 * Only the trigger wrapper differs between the databases (a PL/pgSQL function on PostgreSQL).
 */
public final class V14__ledger_rollups_by_writer extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite");
        try (Statement statement = connection.createStatement()) {
            if (sqlite) {
                statement.execute("DROP TRIGGER IF EXISTS ledger_rollups");
            } else {
                statement.execute("DROP TRIGGER IF EXISTS ledger_rollups ON ledger");
                statement.execute("DROP FUNCTION IF EXISTS ledger_rollup()");
            }
        }
    }
}
