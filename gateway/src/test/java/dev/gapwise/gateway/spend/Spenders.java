package dev.gapwise.gateway.spend;

import dev.gapwise.gateway.Gateway;
import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.keys.VirtualKeys;
import dev.gapwise.gateway.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Optional;

/** Test helpers: keys with budgets and limits, and what the ledger says they spent. */
final class Spenders {
    private Spenders() {
    }

    /** A key (returned as the secret to send) with the given budgets; every gateway reloads at once. */
    static String key(Database database, String name, String... budgets) throws SQLException {
        VirtualKeys.Created created = new VirtualKeys(database, AuthMode.AUTO, InstantSource.system())
                .create(name, Optional.empty());
        AllowanceStore store = new AllowanceStore(database, InstantSource.system());
        for (String budget : budgets) {
            store.setBudget(Scope.KEY, created.record().id(), SpendSpecs.budget(budget).orElseThrow(), ZoneId.of("UTC"));
        }
        return created.key();
    }

    /** The id of the key called {@code name}. */
    static String keyId(Database database, String name) throws SQLException {
        return new VirtualKeys(database, AuthMode.AUTO, InstantSource.system()).list().stream()
                .filter(k -> k.name().equals(name)).findFirst().orElseThrow().id();
    }

    static void refresh(Gateway... gateways) {
        for (Gateway gateway : gateways) {
            gateway.refresh();
        }
    }

    /** Nano-USD in the ledger for a key, after every gateway's writer caught up. */
    static long spent(Database database, String keyId, Gateway... gateways) throws Exception {
        for (Gateway gateway : gateways) {
            gateway.ledger().flush();
        }
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COALESCE(SUM(cost_nano_usd), 0) FROM ledger WHERE key_id = ?")) {
            statement.setString(1, keyId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** An OpenAI request of about {@code bytes} bytes asking for at most {@code maxTokens}. */
    static String chat(String model, boolean stream, int bytes, int maxTokens) {
        return """
                {"model":"%s","stream":%s,"max_tokens":%d,"messages":[{"role":"user","content":"%s"}]}"""
                .formatted(model, stream, maxTokens, "x".repeat(Math.max(1, bytes - 90)));
    }
}
