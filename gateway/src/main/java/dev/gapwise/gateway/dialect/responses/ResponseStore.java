package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.store.Database;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored responses in the ledger's database (SQLite or PostgreSQL, table {@code stored_responses}): each row is
 * owned by one virtual key, and a lookup by another key finds nothing, exactly as a missing id. Rows expire after
 * the retention; expired rows are invisible at once and deleted as new ones are saved. A conversation is rebuilt
 * by following {@code previous_id} links, oldest turn first. Thread-safe (each call uses its own connection).
 */
public final class ResponseStore {
    /** Longest chain of turns followed; a longer conversation should be sent whole, as Codex does. */
    static final int MAX_TURNS = 1_000;

    private final Database database;
    private final Duration retention;
    private final InstantSource clock;

    public ResponseStore(Database database, Duration retention, InstantSource clock) {
        this.database = database;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * A stored turn.
     *
     * @param id         the response's id
     * @param previousId the turn it continued
     * @param inputItems this turn's input items, with ids
     * @param response   the response object
     */
    public record Stored(String id, Optional<String> previousId, ArrayNode inputItems, ObjectNode response) {
    }

    /** What a conversation lookup found. */
    public sealed interface History {
        /** Every earlier turn's input and output items, oldest first. */
        record Found(List<Item> items) implements History {
        }

        /** A turn in the chain is missing, expired or another key's. */
        record Missing(String id) implements History {
        }

        /** The database could not be read. */
        record Unavailable(String message) implements History {
        }
    }

    /** Keeps a turn for {@code keyId} ("" when keys are off). */
    public void save(String keyId, Stored stored) throws SQLException {
        long now = clock.millis();
        try (Connection connection = database.connection()) {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM stored_responses WHERE expires_at_ms < ?")) {
                purge.setLong(1, now);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stored_responses (id, key_id, "
                    + "previous_id, created_at_ms, expires_at_ms, input_items, response) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, stored.id());
                insert.setString(2, keyId);
                insert.setString(3, stored.previousId().orElse(null));
                insert.setLong(4, now);
                insert.setLong(5, now + retention.toMillis());
                insert.setString(6, Json.write(stored.inputItems()));
                insert.setString(7, Json.write(stored.response()));
                insert.executeUpdate();
            }
        }
    }

    /** The turn {@code id} if {@code keyId} owns it and it has not expired. */
    public Optional<Stored> find(String keyId, String id) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement select = connection.prepareStatement("SELECT previous_id, input_items, response FROM "
                     + "stored_responses WHERE id = ? AND key_id = ? AND expires_at_ms >= ?")) {
            select.setString(1, id);
            select.setString(2, keyId);
            select.setLong(3, clock.millis());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(id, Optional.ofNullable(rs.getString(1)),
                        (ArrayNode) Json.MAPPER.readTree(rs.getString(2)),
                        (ObjectNode) Json.MAPPER.readTree(rs.getString(3))));
            }
        }
    }

    /** Deletes the turn {@code id} of {@code keyId}; false when there was none. */
    public boolean delete(String keyId, String id) throws SQLException {
        try (Connection connection = database.connection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM stored_responses WHERE id = ? AND key_id = ? AND expires_at_ms >= ?")) {
            delete.setString(1, id);
            delete.setString(2, keyId);
            delete.setLong(3, clock.millis());
            return delete.executeUpdate() > 0;
        }
    }

    /** The conversation up to and including the turn {@code id}: each turn's input, then its output. */
    public History history(String keyId, String id) {
        List<List<Item>> turns = new ArrayList<>();
        Optional<String> next = Optional.of(id);
        try {
            while (next.isPresent()) {
                if (turns.size() >= MAX_TURNS) {
                    return new History.Unavailable("the conversation is longer than " + MAX_TURNS + " stored turns; "
                            + "send it whole in 'input' instead");
                }
                Optional<Stored> stored = find(keyId, next.get());
                if (stored.isEmpty()) {
                    return new History.Missing(next.get());
                }
                List<Item> turn = new ArrayList<>(ResponsesIngress.items(stored.get().inputItems(), "stored input"));
                turn.addAll(ResponsesIngress.items(stored.get().response().path("output"), "stored output"));
                turns.add(turn);
                next = stored.get().previousId();
            }
        } catch (SQLException e) {
            return new History.Unavailable("stored responses cannot be read: the database is unreachable ("
                    + e.getMessage() + ")");
        } catch (ResponsesIngress.BadField e) {
            return new History.Unavailable("a stored response cannot be read back: " + e.getMessage());
        }
        List<Item> items = new ArrayList<>();
        for (int i = turns.size() - 1; i >= 0; i--) {
            items.addAll(turns.get(i));
        }
        return new History.Found(items);
    }

    /**
     * One page of a turn's input items, as {@code GET /v1/responses/{id}/input_items} lists them.
     *
     * @param items the turn's items, oldest first
     * @param asc   oldest first ({@code order=asc}); else newest first, the API's default
     * @param after list only the items after this id (in the chosen order); empty: from the start
     * @param limit at most this many items (1 to 100)
     */
    public static ObjectNode inputItemsPage(ArrayNode items, boolean asc, Optional<String> after, int limit) {
        List<JsonNode> ordered = new ArrayList<>();
        items.forEach(ordered::add);
        if (!asc) {
            java.util.Collections.reverse(ordered);
        }
        int start = 0;
        if (after.isPresent()) {
            start = ordered.size();
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).path("id").asString("").equals(after.get())) {
                    start = i + 1;
                }
            }
        }
        List<JsonNode> page = ordered.subList(start, Math.min(ordered.size(), start + limit));
        ObjectNode out = Json.object().put("object", "list");
        ArrayNode data = out.putArray("data");
        page.forEach(data::add);
        out.put("first_id", page.isEmpty() ? null : page.getFirst().path("id").asString(null));
        out.put("last_id", page.isEmpty() ? null : page.getLast().path("id").asString(null));
        out.put("has_more", start + page.size() < ordered.size());
        return out;
    }
}
