package dev.gapwise.gateway.keys;

import dev.gapwise.gateway.config.AuthMode;
import dev.gapwise.gateway.store.Database;
import dev.gapwise.gateway.text.LogValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, lists, revokes and checks virtual keys.
 *
 * <p>Checks never touch the database: they read an immutable snapshot of the active key hashes, loaded once when
 * this object is made and then refreshed every {@value #REFRESH_MILLIS} ms by a background thread ({@link #start}),
 * so keys created or revoked by {@code gapwise keys} reach a running server within that time and a slow or absent
 * database never slows a request. A failed refresh keeps the last good snapshot (and {@link #status} says since
 * when it is stale). While no snapshot has ever loaded — a gateway started with its database down — the gateway
 * cannot know whether keys exist, so it fails closed: every request that would need a key is refused with {@link
 * AuthDecision.Unavailable} (503), except under {@code auth: none}. Thread-safe.
 */
public final class VirtualKeys implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VirtualKeys.class);
    private static final String PREFIX = "gw-";
    static final long REFRESH_MILLIS = 2_000;

    private final Database database;
    private final AuthMode mode;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Object refreshing = new Object();
    private volatile Snapshot snapshot;
    private volatile Status status;
    private volatile Thread refresher;

    /** The keys as last loaded; {@code loaded} is false until a load succeeded. */
    private record Snapshot(boolean loaded, Map<String, KeyIdentity> byHash, boolean anyKeyEver,
                            java.util.Set<String> adminIds) {
    }

    /**
     * The refresher's view.
     *
     * @param loadedAt  when the snapshot in use was loaded; empty when none ever was
     * @param lastError the last refresh error while refreshes fail
     */
    public record Status(Optional<Instant> loadedAt, Optional<String> lastError) {
        /** True when a snapshot is in use. */
        public boolean loaded() {
            return loadedAt.isPresent();
        }
    }

    /** Keys over {@code database}; loads the snapshot once (call {@link #start} to keep it fresh). */
    public VirtualKeys(Database database, AuthMode mode, InstantSource clock) {
        this.database = database;
        this.mode = mode;
        this.clock = clock;
        this.snapshot = new Snapshot(false, Map.of(), false, java.util.Set.of());
        this.status = new Status(Optional.empty(), Optional.empty());
        if (mode != AuthMode.NONE) {
            refresh();
        }
    }

    /** Starts the background refresher (idempotent); {@link #close} stops it. */
    public VirtualKeys start() {
        synchronized (refreshing) {
            if (refresher == null && mode != AuthMode.NONE) {
                refresher = Thread.ofPlatform().name("gapwise-key-refresher").daemon(true).start(this::refreshLoop);
            }
        }
        return this;
    }

    private void refreshLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            refresh();
        }
    }

    /** Loads the snapshot now; on failure the last good one stays in use. */
    public void refresh() {
        Map<String, KeyIdentity> byHash = new HashMap<>();
        java.util.Set<String> adminIds = new java.util.HashSet<>();
        boolean any = false;
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, name, tier, key_hash, revoked_at, tier_fixed, admin FROM virtual_keys");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                any = true;
                if (rs.getString(5) == null) {
                    byHash.put(rs.getString(4), new KeyIdentity(rs.getString(1), rs.getString(2),
                            Optional.ofNullable(rs.getString(3)), rs.getInt(6) != 0));
                    if (rs.getInt(7) != 0) {
                        adminIds.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (status.lastError().isEmpty()) {
                LOG.warn("keys: cannot refresh the key snapshot ({}); {}", LogValue.of(message), snapshot.loaded()
                        ? "the last good one stays in use" : "requests that need a key are refused with 503 until it loads");
            }
            status = new Status(status.loadedAt(), Optional.of(message));
            return;
        }
        if (status.lastError().isPresent()) {
            LOG.info("keys: the key snapshot loads again");
        }
        snapshot = new Snapshot(true, Map.copyOf(byHash), any, java.util.Set.copyOf(adminIds));
        status = new Status(Optional.of(clock.instant()), Optional.empty());
    }

    /** The refresher's view, for readiness. */
    public Status status() {
        return status;
    }
    /** Creates a key and returns it with its record; the key is never retrievable again. */
    public Created create(String name, Optional<String> tier) throws SQLException {
        return create(name, tier, false);
    }

    /**
     * Creates a key whose tier is a floor for its requests or, with {@code tierFixed}, final; returns it with its
     * record; the key is never retrievable again.
     */
    public Created create(String name, Optional<String> tier, boolean tierFixed) throws SQLException {
        if (tierFixed && tier.isEmpty()) {
            throw new IllegalArgumentException("a fixed tier needs a tier");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = PREFIX + HexFormat.of().formatHex(secret);
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        String id = "key_" + HexFormat.of().formatHex(idBytes);
        String now = clock.instant().toString();
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO virtual_keys (id, name, tier, key_hash, created_at, tier_fixed) "
                             + "VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, name);
            statement.setString(3, tier.orElse(null));
            statement.setString(4, hash(key));
            statement.setString(5, now);
            statement.setInt(6, tierFixed ? 1 : 0);
            statement.executeUpdate();
        }
        refresh();
        return new Created(key, new KeyRecord(id, name, tier, tierFixed, now, Optional.empty()));
    }

    /** Makes an active key an admin key (it may read the whole dashboard); returns how many keys changed. */
    public int makeAdmin(String id) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE virtual_keys SET admin = 1 WHERE id = ? AND revoked_at IS NULL")) {
            statement.setString(1, id);
            int count = statement.executeUpdate();
            refresh();
            return count;
        }
    }

    /** True when the key with this id is an active admin key (as of the last snapshot). */
    public boolean admin(String keyId) {
        return snapshot.adminIds().contains(keyId);
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
                     "SELECT id, name, tier, created_at, revoked_at, tier_fixed FROM virtual_keys "
                             + "ORDER BY created_at DESC, id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                keys.add(new KeyRecord(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                        rs.getInt(6) != 0, rs.getString(4), Optional.ofNullable(rs.getString(5))));
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
            refresh();
            return count;
        }
    }

    /** Decides a request presenting {@code presented} (null when it sent no key); never touches the database. */
    public AuthDecision check(String presented) {
        if (mode == AuthMode.NONE) {
            return new AuthDecision.Allowed(Optional.empty());
        }
        Snapshot current = snapshot;
        if (!current.loaded()) {
            return new AuthDecision.Unavailable("cannot check API keys: the key database has not answered since this "
                    + "gateway started (" + status.lastError().orElse("not loaded yet") + "); retry shortly");
        }
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

    /**
     * Whether requests need a key: always under {@code auth: required}, never under {@code none}, and under {@code
     * auto} once a key was ever created. Empty while that cannot be known (no snapshot loaded yet).
     */
    public Optional<Boolean> keysRequired() {
        return switch (mode) {
            case NONE -> Optional.of(false);
            case REQUIRED -> Optional.of(true);
            case AUTO -> snapshot.loaded() ? Optional.of(snapshot.anyKeyEver()) : Optional.empty();
        };
    }

    @Override
    public void close() {
        Thread running;
        synchronized (refreshing) {
            running = refresher;
            refresher = null;
        }
        if (running != null) {
            running.interrupt();
        }
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
