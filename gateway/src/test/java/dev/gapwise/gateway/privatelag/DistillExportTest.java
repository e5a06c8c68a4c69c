package dev.gapwise.gateway.privatelag;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Dialect;
import dev.gapwise.catalog.Distillation;
import dev.gapwise.catalog.Price;
import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DistillExportTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @TempDir
    Path dir;
    private SeededShadowLedger seeded;
    private Map<String, Deployment> deployments;

    private static Deployment deployment(String id, String provider, Distillation terms) {
        return new Deployment(id, id.substring(0, id.indexOf('@')), provider, Dialect.OPENAI,
                URI.create("https://example.com/v1"), id, "US", Price.of("10", "30"), OptionalLong.empty(), DAY, "test")
                .withDistillation(terms);
    }

    private static String prompt(String text) {
        var body = Json.object();
        body.putArray("messages").addObject().put("role", "user").put("content", text);
        return Json.write(body);
    }

    private static String promptWithSystem(String system, String text) {
        var body = Json.object();
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", text);
        return Json.write(body);
    }

    private static String answer(String text) {
        var node = Json.object().put("text", text);
        node.putArray("tool_calls");
        return Json.write(node);
    }

    @BeforeEach
    void seed() throws Exception {
        seeded = new SeededShadowLedger(dir);
        deployments = Map.of(
                "open@selfhost", deployment("open@selfhost", "selfhost",
                        new Distillation(Distillation.Terms.ALLOWED, "Apache-2.0 weights, self-hosted")),
                "closed@vendor", deployment("closed@vendor", "vendor",
                        new Distillation(Distillation.Terms.DISALLOWED, "https://vendor.example/terms §3")),
                "mystery@host", deployment("mystery@host", "host", Distillation.UNKNOWN),
                "cheap@x", deployment("cheap@x", "x", Distillation.UNKNOWN));
        Instant at = Instant.parse("2026-11-03T09:00:00Z");
        int n = 0;
        // allowed, well scored: exported (twice the same text: the second is a duplicate)
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", true, promptWithSystem("You write CRM emails.",
                        "Email ada@example.com about invoice 7, call +44 20 7946 0958"),
                answer("cheap"), answer("Dear Ada (ada@example.com), invoice 7 is due. OPEN-MARK-1"));
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", true, prompt("Same text twice"), answer("c"), answer("OPEN-MARK-2"));
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", true, prompt("Same text twice"), answer("c"), answer("OPEN-MARK-2"));
        // allowed but the cheap answer disagreed: not exported
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", false, prompt("Disagreement"), answer("c"), answer("OPEN-MARK-BAD"));
        // disallowed and unknown terms: never exported
        for (int i = 0; i < 3; i++) {
            seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10,
                    "closed@vendor", "closed", 100, "served", true, prompt("Closed " + i), answer("c"),
                    answer("CLOSED-MARK-" + i));
        }
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "mystery@host",
                "mystery", 100, "served", true, prompt("Mystery"), answer("c"), answer("MYSTERY-MARK"));
        // no stored content
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "crm-email", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", true, null, null, null);
        // another task: filtered out by --task
        seeded.pair("r" + n++, at.plusSeconds(n), "routine", "summaries", 0.1, "cheap@x", "cheap", 10, "open@selfhost",
                "open", 100, "served", true, prompt("Summarise"), answer("c"), answer("OPEN-MARK-SUMMARY"));
    }

    private DistillExport.Result export(Path out) throws Exception {
        return DistillExport.run(seeded.database, deployments, new DistillExport.Filters(DAY, DAY, Set.of("crm-email"),
                EnumSet.of(PiiRedaction.EMAIL, PiiRedaction.PHONE)), out);
    }

    @Test
    void onlyAllowedWellScoredAnswersAreExportedAndTheRestAreCountedWithTheirReason() throws Exception {
        DistillExport.Result result = export(dir.resolve("out"));
        String chat = Files.readString(dir.resolve("out/chat.jsonl"));
        assertThat(chat).contains("OPEN-MARK-1", "OPEN-MARK-2")
                .doesNotContain("CLOSED-MARK", "MYSTERY-MARK", "OPEN-MARK-BAD", "OPEN-MARK-SUMMARY");
        assertThat(result.exported()).isEqualTo(2);
        JsonNode counts = result.manifest().path("counts");
        assertThat(counts.path("considered").asLong()).isEqualTo(9);
        assertThat(counts.path("left_out").path("terms of vendor disallow training on its answers").asLong()).isEqualTo(3);
        assertThat(counts.path("left_out").path("terms of host unknown (never exported until checked)").asLong())
                .isEqualTo(1);
        assertThat(counts.path("left_out").path("duplicate of an exported example").asLong()).isEqualTo(1);
        assertThat(counts.path("left_out").path("did not score well (the cheaper answer disagreed)").asLong()).isEqualTo(1);
        assertThat(counts.path("left_out").path("no stored prompt or answer (shadow.store_content off, or past its "
                + "retention)").asLong()).isEqualTo(1);
        JsonNode source = result.manifest().path("sources").get(0);
        assertThat(source.path("deployment").asString()).isEqualTo("open@selfhost");
        assertThat(source.path("terms").asString()).isEqualTo("allowed");
        assertThat(source.path("terms_source").asString()).isEqualTo("Apache-2.0 weights, self-hosted");
        assertThat(source.path("examples").asLong()).isEqualTo(2);
    }

    @Test
    void personalDataIsRedactedBeforeExport() throws Exception {
        export(dir.resolve("out"));
        String chat = Files.readString(dir.resolve("out/chat.jsonl"));
        String plain = Files.readString(dir.resolve("out/prompt_completion.jsonl"));
        for (String file : List.of(chat, plain)) {
            assertThat(file).doesNotContain("ada@example.com", "7946").contains("[EMAIL]", "[PHONE]");
        }
        assertThat(chat).contains("invoice 7");
    }

    @Test
    void manifestHashesReproduce() throws Exception {
        DistillExport.Result first = export(dir.resolve("one"));
        DistillExport.Result second = export(dir.resolve("two"));
        for (JsonNode file : first.manifest().path("files")) {
            String name = file.path("name").asString();
            byte[] bytes = Files.readAllBytes(dir.resolve("one").resolve(name));
            assertThat(DistillExport.sha256(bytes)).isEqualTo(file.path("sha256").asString());
            assertThat(bytes).isEqualTo(Files.readAllBytes(dir.resolve("two").resolve(name)));
        }
        assertThat(Files.readString(dir.resolve("one/manifest.json")))
                .isEqualTo(Files.readString(dir.resolve("two/manifest.json")));
        assertThat(second.manifest().path("filters").path("redaction").toString()).isEqualTo("[\"email\",\"phone\"]");
    }

    @Test
    void theJsonlValidatesAgainstTheFineTuningChatFormat() throws Exception {
        export(dir.resolve("out"));
        List<String> lines = Files.readAllLines(dir.resolve("out/chat.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertFineTuningChatExample(Json.parseOrNull(line.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode first = Json.parseOrNull(lines.getFirst().getBytes(StandardCharsets.UTF_8));
        assertThat(first.path("messages").get(0).path("role").asString()).isEqualTo("system");
        for (String line : Files.readAllLines(dir.resolve("out/prompt_completion.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode example = Json.parseOrNull(line.getBytes(StandardCharsets.UTF_8));
            assertThat(example.properties()).extracting(Map.Entry::getKey).containsExactly("prompt", "completion");
            assertThat(example.path("prompt").asString()).endsWith("assistant:");
        }
    }

    /**
     * The OpenAI fine-tuning chat format: one JSON object per line with a non-empty {@code messages} array (and
     * optionally {@code tools}, nothing else); roles system, user, assistant or tool; every message has string
     * content (or, for an assistant, tool calls); at least one user message; the last message is the assistant's.
     */
    private static void assertFineTuningChatExample(JsonNode example) {
        assertThat(example).isNotNull();
        assertThat(example.isObject()).isTrue();
        assertThat(example.properties()).extracting(Map.Entry::getKey).isSubsetOf("messages", "tools");
        JsonNode messages = example.path("messages");
        assertThat(messages.isArray() && !messages.isEmpty()).isTrue();
        boolean user = false;
        for (JsonNode message : messages) {
            String role = message.path("role").asString("");
            assertThat(role).isIn("system", "user", "assistant", "tool");
            user |= role.equals("user");
            JsonNode content = message.path("content");
            boolean toolCalls = message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty();
            assertThat(content.isString() || content.isArray() || (role.equals("assistant") && toolCalls))
                    .as("content of %s", message).isTrue();
            assertThat(message.properties()).extracting(Map.Entry::getKey)
                    .isSubsetOf("role", "content", "name", "tool_calls", "tool_call_id", "weight");
        }
        assertThat(user).isTrue();
        assertThat(messages.get(messages.size() - 1).path("role").asString()).isEqualTo("assistant");
    }

    @Test
    void contentPastItsRetentionIsErasedAndNeverExported() throws Exception {
        // the seeded content expires 30 days after 2026-11-03; erase as of 2026-12-04
        int erased = new dev.gapwise.gateway.shadow.ShadowStore(seeded.database)
                .purge(Instant.parse("2026-12-04T00:00:00Z").toEpochMilli());
        assertThat(erased).isEqualTo(9);
        DistillExport.Result result = export(dir.resolve("late"));
        assertThat(result.exported()).isZero();
        assertThat(result.manifest().path("counts").path("left_out").path("no stored prompt or answer "
                + "(shadow.store_content off, or past its retention)").asLong()).isEqualTo(9);
        assertThat(Files.readString(dir.resolve("late/chat.jsonl"))).isEmpty();
    }
}
