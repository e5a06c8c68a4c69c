package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.dialect.Dialects;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.ErrorClass;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.store.Database;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger on SQLite and PostgreSQL: idempotent rows, pending-file replay, costs and the report. */
class LedgerTest {
    static final Deployment CHEAP = deployment("cheap@x", "cheap", "0.10", "0.20");
    static final Deployment FRONTIER = deployment("frontier@x", "frontier", "10", "30");

    @TempDir
    Path dir;

    static Deployment deployment(String id, String model, String in, String out) {
        return new Deployment(id, model, "x", Dialect.OPENAI, URI.create("http://127.0.0.1:1/v1"), model, "US",
                Price.of(in, out), OptionalLong.empty(), LocalDate.EPOCH, "test");
    }

    static final Pricing PRICING = Pricing.ofListPrices(List.of(CHEAP), Optional.of(FRONTIER));

    /** An attempt on the cheap deployment, priced against the frontier baseline. */
    static PricedAttempt attempt(String requestId, int number, Optional<ErrorClass> error) {
        return PRICING.price(plain(requestId, number, error));
    }

    static Attempt plain(String requestId, int number, Optional<ErrorClass> error) {
        RequestContext context = new RequestContext(requestId, Instant.parse("2026-11-22T10:00:00Z"),
                Optional.of("key_1"), Dialects.of(DialectKind.OPENAI), "auto", "routine", "tier routine <- test");
        return new Attempt(context, number, CHEAP, "cheapest", Instant.parse("2026-11-22T10:00:00Z"), 200, error,
                new Usage(1_000_000, 500_000, false), 2_000_000, -1);
    }

    @Test
    void recordsEachAttemptOnceWhateverHowOftenItIsWritten() throws Exception {
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("l.db"));
             Ledger ledger = new Ledger(database, dir.resolve("l.pending"), false)) {
            ledger.record(attempt("req_a", 1, Optional.of(ErrorClass.RATE_LIMITED)));
            ledger.record(attempt("req_a", 2, Optional.empty()));
            ledger.record(attempt("req_a", 2, Optional.empty()));
            ledger.flush();

            assertThat(LedgerReport.count(database)).isEqualTo(2);
            LedgerReport.Line line = LedgerReport.lines(database).getFirst();
            assertThat(line.cost()).isEqualByComparingTo(new BigDecimal("0.40"));
            assertThat(line.baseline()).isEqualByComparingTo(new BigDecimal("50.00"));
            assertThat(line.savings()).isEqualByComparingTo(new BigDecimal("49.60"));
            assertThat(line.failures()).isEqualTo(1);
        }
    }

    @Test
    void replaysRowsLeftInThePendingFileByAnEarlierRun() throws Exception {
        Path pending = dir.resolve("l.pending");
        LedgerRow left = LedgerRow.of(attempt("req_left", 1, Optional.empty()));
        Files.writeString(pending, dev.gapwise.gateway.dialect.neutral.Json.MAPPER.writeValueAsString(left)
                + "\n{\"requestId\":\"torn");

        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("l.db"));
             Ledger ledger = new Ledger(database, pending, false)) {
            ledger.flush();
            assertThat(LedgerReport.count(database)).isEqualTo(1);
            assertThat(Files.size(pending)).isZero();
        }
    }

    @Test
    void replaysAPendingRowWrittenBeforeTheCacheAndTeamColumnsExisted() throws Exception {
        Path pending = dir.resolve("old.pending");
        tools.jackson.databind.node.ObjectNode old = (tools.jackson.databind.node.ObjectNode) dev.gapwise.gateway.dialect.neutral.Json
                .MAPPER.valueToTree(LedgerRow.of(attempt("req_old", 1, Optional.empty())));
        old.remove(List.of("cacheReadTokens", "cacheWriteTokens", "reasoningTokens", "team", "atMillis", "unpriced"));
        Files.writeString(pending, old + "\n");

        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("old.db"));
             Ledger ledger = new Ledger(database, pending, false)) {
            ledger.flush();
            assertThat(LedgerReport.count(database)).isEqualTo(1);
            assertThat(LedgerReport.lines(database).getFirst().cost()).isEqualByComparingTo(new BigDecimal("0.20"));
        }
    }

    @Test
    void runsTheSameMigrationsOnPostgres() throws Exception {
        String base = "jdbc:postgresql://127.0.0.1:5432/test?user=" + postgresUser();
        String schema = "gapwise_test_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(base)) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (Database database = Database.open(base + "&currentSchema=" + schema);
             Ledger ledger = new Ledger(database, dir.resolve("pg.pending"), false)) {
            ledger.record(attempt("req_pg", 1, Optional.empty()));
            ledger.record(attempt("req_pg", 1, Optional.empty()));
            ledger.flush();

            assertThat(LedgerReport.count(database)).isEqualTo(1);
            assertThat(LedgerReport.lines(database).getFirst().cost()).isEqualByComparingTo(new BigDecimal("0.20"));
        } finally {
            try (Connection admin = DriverManager.getConnection(base)) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** The first of postgres/root that connects; skips the test with a message when PostgreSQL is unreachable. */
    static String postgresUser() {
        for (String user : List.of("postgres", "root")) {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test?user=" + user)) {
                return user;
            } catch (SQLException e) {
                // try the next user
            }
        }
        Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 (database test, user postgres or root): "
                + "skipping the PostgreSQL migration test");
        return null;
    }
}
