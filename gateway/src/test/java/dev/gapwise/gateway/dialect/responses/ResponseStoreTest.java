package dev.gapwise.gateway.dialect.responses;

import dev.gapwise.gateway.Postgres;
import dev.gapwise.gateway.dialect.responses.ResponsesWire.Item;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.store.Database;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored responses on SQLite and PostgreSQL: per key, expiring after the retention, chains rebuilt in order. */
class ResponseStoreTest {
    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli());
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

    /** Runs {@code body} against a fresh database of the kind named. */
    private void on(String kind, StoreTest body) throws Exception {
        if (kind.equals("sqlite")) {
            try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("store.db"))) {
                body.run(new ResponseStore(database, Duration.ofDays(30), clock));
            }
        } else {
            try (Postgres postgres = Postgres.schema(); Database database = Database.open(postgres.url())) {
                body.run(new ResponseStore(database, Duration.ofDays(30), clock));
            }
        }
    }

    interface StoreTest {
        void run(ResponseStore store) throws Exception;
    }

    private static ResponseStore.Stored turn(String id, Optional<String> previous, String userText, String answer) {
        ArrayNode input = Json.MAPPER.createArrayNode();
        input.add(ResponsesObjects.itemJson(new Item.Message("user", List.of(new ResponsesWire.Part.Text(userText,
                false)))));
        ObjectNode response = Json.object().put("id", id);
        response.putArray("output").add(ResponsesObjects.messageItem("msg_" + id, answer, ResponsesWire.Status.COMPLETED));
        return new ResponseStore.Stored(id, previous, input, response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void findsAResponseOnlyForTheKeyThatStoredIt(String kind) throws Exception {
        on(kind, store -> {
            store.save("key-a", turn("resp_1", Optional.empty(), "hello", "hi"));

            assertThat(store.find("key-a", "resp_1")).hasValueSatisfying(s -> assertThat(s.response().path("id")
                    .asString()).isEqualTo("resp_1"));
            assertThat(store.find("key-b", "resp_1")).isEmpty();
            assertThat(store.find("", "resp_1")).isEmpty();
            assertThat(store.delete("key-b", "resp_1")).isFalse();
            assertThat(store.history("key-b", "resp_1")).isEqualTo(new ResponseStore.History.Missing("resp_1"));
            assertThat(store.delete("key-a", "resp_1")).isTrue();
            assertThat(store.find("key-a", "resp_1")).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void forgetsAResponseAfterTheRetention(String kind) throws Exception {
        on(kind, store -> {
            store.save("key-a", turn("resp_old", Optional.empty(), "hello", "hi"));
            now.addAndGet(Duration.ofDays(30).toMillis());
            assertThat(store.find("key-a", "resp_old")).as("still inside the retention").isPresent();

            now.addAndGet(1);
            assertThat(store.find("key-a", "resp_old")).isEmpty();
            store.save("key-a", turn("resp_new", Optional.empty(), "again", "yes"));
            now.addAndGet(-Duration.ofDays(10).toMillis());
            assertThat(store.find("key-a", "resp_old")).as("deleted when a newer one was saved").isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void rebuildsAConversationOldestTurnFirst(String kind) throws Exception {
        on(kind, store -> {
            store.save("key-a", turn("resp_1", Optional.empty(), "one", "first answer"));
            store.save("key-a", turn("resp_2", Optional.of("resp_1"), "two", "second answer"));
            store.save("key-a", turn("resp_3", Optional.of("resp_2"), "three", "third answer"));

            ResponseStore.History history = store.history("key-a", "resp_3");

            assertThat(history).isInstanceOf(ResponseStore.History.Found.class);
            List<String> texts = ((ResponseStore.History.Found) history).items().stream()
                    .map(item -> ((ResponsesWire.Part.Text) ((Item.Message) item).content().getFirst()).text()).toList();
            assertThat(texts).containsExactly("one", "first answer", "two", "second answer", "three", "third answer");
            store.delete("key-a", "resp_1");
            assertThat(store.history("key-a", "resp_3")).as("a missing link is reported, never skipped")
                    .isEqualTo(new ResponseStore.History.Missing("resp_1"));
        });
    }
}
