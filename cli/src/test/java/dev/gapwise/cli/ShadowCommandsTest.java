package dev.gapwise.cli;

import dev.gapwise.gateway.store.Database;
import dev.gapwise.routing.lab.data.OutcomeReaders;
import dev.gapwise.routing.lab.data.OutcomeTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gapwise shadow report|outcomes} and {@code gapwise distill export} on a seeded ledger. */
class ShadowCommandsTest {
    @TempDir
    Path dir;
    private String config;

    @BeforeEach
    void seed() throws Exception {
        Path file = dir.resolve("gapwise.yaml");
        String url = "jdbc:sqlite:" + dir.resolve("g.db");
        Files.writeString(file, "ledger:\n  url: " + url + "\n");
        config = file.toString();
        Instant start = Instant.parse("2026-11-01T08:00:00Z");
        try (Database database = Database.open(url); Connection connection = database.connection();
             PreparedStatement ledger = connection.prepareStatement("""
                     INSERT INTO ledger (request_id, attempt, at_utc, day, ingress, requested_model, served_model,
                       deployment, provider, tier, reason, status, input_tokens, output_tokens, tokens_estimated,
                       cost_nano_usd, baseline_nano_usd, latency_us, unpriced)
                     VALUES (?, 1, ?, ?, 'openai', 'auto', 'cheap-model', 'cheap@x', 'x', 'routine', 't', 200, 10, 10, 0,
                       100000, 0, 1000, 0)""");
             PreparedStatement call = connection.prepareStatement("""
                     INSERT INTO shadow_call (request_id, shadow_deployment, at_utc, day, at_ms, tier, task, sample_share,
                       served_deployment, served_model, shadow_model, status, input_tokens, output_tokens, cost_nano_usd,
                       unpriced, latency_us, candidate, acceptable, basis, judge_cost_nano_usd, prompt_json,
                       served_answer, shadow_answer)
                     VALUES (?, 'frontier@x', ?, ?, ?, 'routine', 'crm-email', 0.1, 'cheap@x', 'cheap-model',
                       'frontier-model', 200, 10, 10, 2000000, 0, 1000, 'served', ?, 'similarity', 0, ?, ?, ?)""")) {
            for (int i = 0; i < 200; i++) {
                Instant at = start.plusSeconds(3_600L * i);
                String id = "req-" + i;
                ledger.setString(1, id);
                ledger.setString(2, at.toString());
                ledger.setString(3, at.toString().substring(0, 10));
                ledger.executeUpdate();
                call.setString(1, id);
                call.setString(2, at.toString());
                call.setString(3, at.toString().substring(0, 10));
                call.setLong(4, at.toEpochMilli());
                call.setInt(5, i % 40 == 0 ? 0 : 1);
                call.setString(6, "{\"messages\":[{\"role\":\"user\",\"content\":\"Write CRM email number " + i
                        + " to jo@example.com\"}]}");
                call.setString(7, "{\"text\":\"cheap answer\",\"tool_calls\":[]}");
                call.setString(8, "{\"text\":\"frontier answer " + i + "\",\"tool_calls\":[]}");
                call.executeUpdate();
            }
        }
    }

    @Test
    void theReportRecommendsASwitchOnlyAboveTheThreshold() {
        CommandResult strict = CommandResult.run("shadow", "report", "--config", config, "--from", "2026-11-01",
                "--to", "2026-11-10");
        assertThat(strict.exitCode()).as(strict.err()).isZero();
        assertThat(strict.out()).contains("task crm-email, tier routine: cheap@x agrees with frontier@x 98 % [94, 99] "
                + "(195/200)").contains("keep: keep the policy: the interval's lower bound 94.3 % is below your "
                + "threshold 95.0 %");
        CommandResult lenient = CommandResult.run("shadow", "report", "--config", config, "--from", "2026-11-01",
                "--to", "2026-11-10", "--threshold", "0.9", "--format", "json");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("\"kind\":\"switch\"").contains("\"switch_saving_usd_per_month\":11.40");
    }

    @Test
    void theOutcomesAreReadByTheRoutingEvaluation() throws Exception {
        Path csv = dir.resolve("out/outcomes.csv");
        Files.createDirectories(csv.getParent());
        CommandResult exported = CommandResult.run("shadow", "outcomes", "--config", config, "--from", "2026-11-01",
                "--to", "2026-11-10", "--out", csv.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("wrote 200 requests with 2 deployments");
        OutcomeTable table = OutcomeReaders.generic(csv);
        assertThat(table.models()).containsExactly("frontier@x", "cheap@x");
        assertThat(table.rows()).hasSize(200);
        assertThat(table.rows().stream().filter(row -> row.scores()[1] == 1.0).count()).isEqualTo(195);
        assertThat(table.rows().getFirst().text()).isEqualTo("Write CRM email number 0 to jo@example.com");
        assertThat(table.rows().getFirst().costs()).containsExactly(0.002, 0.0001);

        Path report = dir.resolve("out/eval.md");
        CommandResult eval = CommandResult.run("eval", "routing", "--outcomes", csv.toString(), "--bootstrap", "50",
                "--out", report.toString());
        assertThat(eval.exitCode()).as(eval.err() + eval.out()).isZero();
        assertThat(Files.readString(report)).contains("frontier@x vs cheap@x");
    }

    @Test
    void theDistillExportLeavesOutUnknownTermsAndSaysWhy() {
        Path out = dir.resolve("distilled");
        CommandResult result = CommandResult.run("distill", "export", "--config", config, "--from", "2026-11-01",
                "--to", "2026-11-10", "--redact", "email", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // frontier@x is in no catalog: its terms are unknown, so nothing may be exported
        assertThat(result.out()).contains("wrote 0 examples")
                .contains("left out 195: terms unknown: frontier@x is not a known deployment")
                .contains("left out 5: did not score well");
    }

    @Test
    void badOptionsAreOneLineErrors() {
        CommandResult badDay = CommandResult.run("shadow", "report", "--config", config, "--from", "2026-13-01");
        assertThat(badDay.exitCode()).isEqualTo(2);
        assertThat(badDay.err()).contains("--from '2026-13-01' is not a date");
        CommandResult badKind = CommandResult.run("distill", "export", "--config", config, "--redact", "names");
        assertThat(badKind.exitCode()).isEqualTo(2);
        assertThat(badKind.err()).contains("--redact 'names' must be one of email, iban, card, ip, phone, all");
    }
}
