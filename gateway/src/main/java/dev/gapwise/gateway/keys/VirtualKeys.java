package dev.gapwise.gateway.keys;

import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates, lists, revokes and checks virtual keys. Checks read a snapshot of active key hashes refreshed from the
 * database at most every {@code refreshMillis} (so keys created or revoked by {@code gapwise keys} reach a running
 * server within that time). Thread-safe.
 */
public final class VirtualKeys {
    private static final String PREFIX = "gw-";
    private static final long REFRESH_MILLIS = 2_000;

    private final Database database;
    private final AuthMode mode;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE, false);

    private record Snapshot(Map<String, KeyIdentity> byHash, long loadedAtMillis, boolean anyKeyEver) {
    }

    public VirtualKeys(Database database, AuthMode mode, InstantSource clock) {
        this.database = database;
        this.mode = mode;
        this.clock = clock;
    }

    /** Creates a key and returns it with its record; the key is never retrievable again. */
    public Created create(String name, Optional<String> tier) throws SQLException {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = PREFIX + HexFormat.of().formatHex(secret);
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        String id = "key_" + HexFormat.of().formatHex(idBytes);
        String now = clock.instant().toString();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO virtual_keys (id, name, tier, key_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, name);
            statement.setString(3, tier.orElse(null));
            statement.setString(4, hash(key));
            statement.setString(5, now);
            statement.executeUpdate();
        }
        snapshot = new Snapshot(Map.of(), Long.MIN_VALUE, true);
        return new Created(key, new KeyRecord(id, name, tier, now, Optional.empty()));
    }

    /** A new key: shown once. */
    public record Created(String key, KeyRecord record) {
        @Override
        public String toString() {
            return "Created[key=***, record=" + record + "]";
        }
    }

    /** Every key, newest first. */
    public List<KeyRecord> list() throws SQLException {
        List<KeyRecord> keys = new ArrayList<>();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, name, tier, created_at, revoked_at FROM virtual_keys ORDER BY created_at DESC, id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(new KeyRecord(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getString(4), Optional.ofNullable(rs.getString(5))));
            }
        }
        return keys;
    }

    /** Revokes the active key with this id or name; returns how many keys were revoked. */
    public int revoke(String idOrName) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE virtual_keys SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL")) {
            statement.setString(1, clock.instant().toString());
            statement.setString(2, idOrName);
            statement.setString(3, idOrName);
            int count = statement.executeUpdate();
            snapshot = new Snapshot(Map.of(), Long.MIN_VALUE, true);
            return count;
        }
    }

    /** Decides a request presenting {@code presented} (null when it sent no key). */
    public AuthDecision check(String presented) {
        if (mode == AuthMode.NONE) {
            return new AuthDecision.Allowed(Optional.empty());
        }
        Snapshot current = current();
        if (mode == AuthMode.AUTO && !current.anyKeyEver()) {
            return new AuthDecision.Allowed(Optional.empty());
        }
        if (presented == null || presented.isBlank()) {
            return new AuthDecision.Denied("missing API key: send a gapwise virtual key as 'Authorization: Bearer KEY' "
                    + "or 'x-api-key: KEY' (create one with: gapwise keys create --name NAME)");
        }
        KeyIdentity identity = current.byHash().get(hash(presented.strip()));
        return identity == null
                ? new AuthDecision.Denied("invalid API key: the key presented is not an active gapwise virtual key")
                : new AuthDecision.Allowed(Optional.of(identity));
    }

    /** True when a key was ever created (revoked ones included): auth is then on in {@code auto} mode. */
    public boolean anyKeyEver() {
        return current().anyKeyEver();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        long now = clock.millis();
        if (now - current.loadedAtMillis() < REFRESH_MILLIS && current.loadedAtMillis() != Long.MIN_VALUE) {
            return current;
        }
        Map<String, KeyIdentity> byHash = new ConcurrentHashMap<>();
        boolean any = false;
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, name, tier, key_hash, revoked_at FROM virtual_keys");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                any = true;
                if (rs.getString(5) == null) {
                    byHash.put(rs.getString(4), new KeyIdentity(rs.getString(1), rs.getString(2),
                            Optional.ofNullable(rs.getString(3))));
                }
            }
        } catch (SQLException e) {
            return current.loadedAtMillis() == Long.MIN_VALUE ? new Snapshot(Map.of(), Long.MIN_VALUE, true) : current;
        }
        Snapshot fresh = new Snapshot(Map.copyOf(byHash), now, any);
        snapshot = fresh;
        return fresh;
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
