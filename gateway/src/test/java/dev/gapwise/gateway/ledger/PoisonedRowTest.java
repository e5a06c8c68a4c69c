package dev.gapwise.gateway.ledger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gapwise.gateway.Postgres;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 1: one request with {@code "gapwise_tier":"\u0000"} froze the PostgreSQL ledger (the writer retried
 * the batch forever) and every later start failed replaying it. Rows are now cleaned where they are made, and a
 * row the database still refuses is quarantined instead of blocking the rows behind it — on both databases.
 */
class PoisonedRowTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aNulInTheTierMetadataNeitherFreezesTheLedgerNorStopsTheNextStart(String database) throws Exception {
        try (Postgres schema = database.equals("postgresql") ? Postgres.schema() : null) {
            String url = schema == null ? "jdbc:sqlite:" + dir.resolve("ledger.db") : schema.url();
            List<String> ids = new ArrayList<>();
            try (TestGateway gw = TestGateway.startWithLedger(dir, url, "")) {
                // since issue 7 a tier the policy does not define is a 400 that never reaches the ledger
                for (String body : List.of(
                        "{\"model\":\"auto\",\"metadata\":{\"gapwise_tier\":\"\\u0000\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "{\"model\":\"auto\",\"max_tokens\":9,\"metadata\":{\"gapwise_tier\":\"\\u0000\\n\",\"user_id\":\"\\u0000\"},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")) {
                    HttpResponse<String> response = gw.post(body.contains("max_tokens") ? "/v1/messages"
                            : "/v1/chat/completions", body);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
                }
                HttpResponse<String> withNul = gw.post("/v1/messages", "{\"model\":\"auto\",\"max_tokens\":9,"
                        + "\"metadata\":{\"gapwise_tier\":\"routine\",\"user_id\":\"\\u0000\"},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi \\u0000 there\"}]}");
                assertThat(withNul.statusCode()).as(withNul.body()).isEqualTo(200);
                ids.add(withNul.headers().firstValue("x-gapwise-request-id").orElseThrow());
                for (int i = 0; i < 10; i++) {
                    ids.add(gw.post("/v1/chat/completions", TestGateway.openAiChat("auto", false))
                            .headers().firstValue("x-gapwise-request-id").orElseThrow());
                }
                assertThat(gw.gateway.ledger().flush(Duration.ofSeconds(10))).as("the writer caught up").isTrue();
                assertThat(gw.ledgerRows()).extracting(r -> r.get("request_id")).containsAll(ids);
                assertThat(gw.ledgerRows()).allSatisfy(row -> assertThat(String.valueOf(row.get("decision")))
                        .doesNotContain("\u0000"));
            }
            try (TestGateway again = TestGateway.startWithLedger(dir, url, "")) {
                assertThat(again.get("/readyz").statusCode()).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRowTheDatabaseRefusesIsQuarantinedAndTheRowsBehindItAreWritten(String database) throws Exception {
        try (Postgres schema = database.equals("postgresql") ? Postgres.schema() : null;
             Database db = Database.open(schema == null ? "jdbc:sqlite:" + dir.resolve("q.db") : schema.url())) {
            refuse(db, schema, "req_poison");
            ListAppender<ILoggingEvent> errors = capture();
            try (Ledger ledger = new Ledger(db, dir.resolve("q.pending"), false)) {
                ledger.record(LedgerTest.attempt("req_before", 1, Optional.empty()));
                ledger.record(LedgerTest.attempt("req_poison", 1, Optional.empty()));
                ledger.record(LedgerTest.attempt("req_after", 1, Optional.empty()));

                assertThat(ledger.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(LedgerReport.count(db)).isEqualTo(2);
                assertThat(rolledUpAttempts(db)).as("the refused batch's sums were rolled back with it").isEqualTo(2);
                assertThat(ledger.quarantinedRows()).isEqualTo(1);
                assertThat(Files.readString(dir.resolve("q.pending.dead-letter"))).contains("req_poison")
                        .doesNotContain("req_after");
                ledger.record(LedgerTest.attempt("req_later", 1, Optional.empty()));
                assertThat(ledger.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(LedgerReport.count(db)).isEqualTo(3);
                assertThat(rolledUpAttempts(db)).isEqualTo(3);
            } finally {
                detach(errors);
            }
            assertThat(errors.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("req_poison", "dead-letter");
            });
        }
    }

    @Test
    void aPoisonedRowLeftInThePendingFileDoesNotBlockTheNextStart() throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            refuse(db, null, "req_poison");
            Path pending = dir.resolve("r.pending");
            StringBuilder lines = new StringBuilder();
            for (String id : List.of("req_a", "req_poison", "req_b")) {
                lines.append(dev.gapwise.gateway.dialect.neutral.Json.MAPPER.writeValueAsString(
                        LedgerRow.of(LedgerTest.attempt(id, 1, Optional.empty()))))
                        .append('\n');
            }
            Files.writeString(pending, lines);
            try (Ledger ledger = new Ledger(db, pending, false)) {
                assertThat(ledger.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(LedgerReport.count(db)).isEqualTo(2);
                assertThat(ledger.quarantinedRows()).isEqualTo(1);
            }
            assertThat(Files.size(pending)).isZero();
            assertThat(Files.exists(dir.resolve("r.pending.1"))).isFalse();
        }
    }

    /** The attempts counted by the hourly rollups, which the writer keeps beside the ledger. */
    private static long rolledUpAttempts(Database db) throws Exception {
        try (var connection = db.connection();
             var rs = connection.createStatement().executeQuery("SELECT COALESCE(SUM(attempts), 0) FROM ledger_hourly")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Makes the database refuse rows of one request id, as only a schema rule still could. */
    private static void refuse(Database db, Postgres schema, String requestId) throws Exception {
        if (schema != null) {
            schema.execute("ALTER TABLE ledger ADD CONSTRAINT refuse_poison CHECK (request_id <> '" + requestId + "')");
            return;
        }
        try (var connection = db.connection()) {
            connection.createStatement().execute("CREATE TRIGGER refuse_poison BEFORE INSERT ON ledger WHEN NEW.request_id = '"
                    + requestId + "' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END");
        }
    }

    static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    static void detach(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }
}
