package dev.gapwise.gateway.privatelag;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.catalog.Distillation;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.store.Database;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exports the frontier answers that scored well as a fine-tuning dataset, oldest first. A scored pair's dearer
 * answer is a candidate example; it is exported only when, in this order: its prompt and answer were stored
 * ({@code shadow.store_content}); it scored well (the cheaper answer agreed with it, and no user rated it unusable —
 * or a user rated it right); its deployment's {@code distillation} terms are {@code allowed} (disallowed and unknown
 * terms are never exported); and the same example (after redaction) was not exported already. Every example left
 * out is counted under its reason. Redaction ({@link PiiRedaction}) is applied to every text before hashing and
 * writing.
 *
 * <p>Files: {@code chat.jsonl} in the OpenAI fine-tuning chat format ({@code {"messages": [...]}} ending with the
 * assistant's answer, {@code tools} when the request declared them), {@code prompt_completion.jsonl}
 * ({@code {"prompt", "completion"}}), and {@code manifest.json}: the filters, the counts, each source deployment with
 * its terms and their source, and each file's SHA-256 and line count. Nothing in the files depends on when the export
 * ran, so the same filters on the same ledger give byte-identical files and hashes. Stateless.
 */
public final class DistillExport {
    private DistillExport() {
    }

    /**
     * What to export.
     *
     * @param from      first UTC day
     * @param to        last UTC day, included
     * @param tasks     task labels to export (empty: all)
     * @param redaction the kinds of personal data removed first
     */
    public record Filters(LocalDate from, LocalDate to, Set<String> tasks, Set<PiiRedaction> redaction) {
        public Filters {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            tasks = Set.copyOf(tasks);
            redaction = Set.copyOf(redaction);
        }
    }

    /** The manifest as written, and where. */
    public record Result(ObjectNode manifest, Path directory) {
        public long exported() {
            return manifest.path("counts").path("exported").asLong();
        }

        /** One paragraph for the terminal: where, how many, and what was left out and why. */
        public String describe() {
            StringBuilder out = new StringBuilder("wrote " + exported() + " examples to " + directory
                    + " (chat.jsonl, prompt_completion.jsonl, manifest.json)");
            JsonNode leftOut = manifest.path("counts").path("left_out");
            leftOut.properties().forEach(entry -> out.append("\n  left out ").append(entry.getValue().asLong())
                    .append(": ").append(entry.getKey()));
            return out.toString();
        }
    }

    /**
     * Runs the export.
     *
     * @param deployments every deployment the gateway knows (configured and catalog), for their terms
     */
    public static Result run(Database database, Map<String, Deployment> deployments, Filters filters, Path directory)
            throws SQLException, IOException {
        Map<String, Long> leftOut = new TreeMap<>();
        Map<String, ObjectNode> sources = new TreeMap<>();
        StringBuilder chat = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        Set<String> seen = new HashSet<>();
        long considered = 0;
        long exported = 0;
        for (ShadowLog.Stored stored : ShadowLog.stored(database, filters.from(), filters.to())) {
            ShadowPair pair = stored.pair();
            if (!filters.tasks().isEmpty() && !filters.tasks().contains(pair.task())) {
                continue;
            }
            considered++;
            String reason = reasonToLeaveOut(stored, deployments.get(pair.reference()));
            if (reason == null) {
                ObjectNode example = example(stored, filters.redaction());
                String line = Json.write(example);
                if (!seen.add(sha256(line))) {
                    reason = "duplicate of an exported example";
                } else {
                    chat.append(line).append('\n');
                    plain.append(Json.write(promptCompletion(example))).append('\n');
                    exported++;
                    Deployment source = deployments.get(pair.reference());
                    ObjectNode node = sources.computeIfAbsent(source.id(), id -> Json.object().put("deployment", id)
                            .put("model", source.modelId()).put("provider", source.provider())
                            .put("terms", source.distillation().terms().id())
                            .put("terms_source", source.distillation().source()).put("examples", 0));
                    node.put("examples", node.path("examples").asLong() + 1);
                }
            }
            if (reason != null) {
                leftOut.merge(reason, 1L, Long::sum);
            }
        }
        Files.createDirectories(directory);
        byte[] chatBytes = chat.toString().getBytes(StandardCharsets.UTF_8);
        byte[] plainBytes = plain.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(directory.resolve("chat.jsonl"), chatBytes);
        Files.write(directory.resolve("prompt_completion.jsonl"), plainBytes);
        ObjectNode manifest = Json.object().put("generated_by", "gapwise distill export")
                .put("format", "OpenAI fine-tuning chat JSONL; prompt/completion JSONL");
        ObjectNode filterNode = manifest.putObject("filters").put("from", filters.from().toString())
                .put("to", filters.to().toString());
        filters.tasks().stream().sorted().forEach(filterNode.putArray("tasks")::add);
        filters.redaction().stream().sorted().map(PiiRedaction::id).forEach(filterNode.putArray("redaction")::add);
        filterNode.put("rule", "dearer answers of scored pairs that scored well, from deployments whose "
                + "distillation terms are 'allowed'");
        ObjectNode counts = manifest.putObject("counts").put("considered", considered).put("exported", exported);
        ObjectNode reasons = counts.putObject("left_out");
        leftOut.forEach(reasons::put);
        ArrayNode sourceNodes = manifest.putArray("sources");
        sources.values().forEach(sourceNodes::add);
        ArrayNode files = manifest.putArray("files");
        files.addObject().put("name", "chat.jsonl").put("sha256", sha256(chatBytes)).put("lines", exported);
        files.addObject().put("name", "prompt_completion.jsonl").put("sha256", sha256(plainBytes)).put("lines", exported);
        Files.writeString(directory.resolve("manifest.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        return new Result(manifest, directory);
    }

    private static String reasonToLeaveOut(ShadowLog.Stored stored, Deployment source) {
        ShadowPair pair = stored.pair();
        if (stored.promptJson().isEmpty() || stored.referenceAnswer().isEmpty()) {
            return "no stored prompt or answer (shadow.store_content off, or past its retention)";
        }
        boolean referenceServed = !pair.candidateServed();
        boolean ratedRight = referenceServed && pair.feedback().isPresent() && pair.feedback().getAsDouble() >= 0.5;
        boolean ratedWrong = referenceServed && pair.feedback().isPresent() && pair.feedback().getAsDouble() < 0.5;
        if (ratedWrong) {
            return "a user rated the answer unusable";
        }
        if (!pair.acceptable() && !ratedRight) {
            return "did not score well (the cheaper answer disagreed)";
        }
        if (source == null) {
            return "terms unknown: " + pair.reference() + " is not a known deployment";
        }
        return switch (source.distillation().terms()) {
            case ALLOWED -> null;
            case DISALLOWED -> "terms of " + source.provider() + " disallow training on its answers";
            case UNKNOWN -> "terms of " + source.provider() + " unknown (never exported until checked)";
        };
    }

    /** One chat example: the request's messages (and tools) with the frontier's answer appended, redacted. */
    private static ObjectNode example(ShadowLog.Stored stored, Set<PiiRedaction> redaction) {
        JsonNode request = Json.parseOrNull(stored.promptJson().orElseThrow().getBytes(StandardCharsets.UTF_8));
        JsonNode answer = Json.parseOrNull(stored.referenceAnswer().orElseThrow().getBytes(StandardCharsets.UTF_8));
        ObjectNode example = Json.object();
        ArrayNode messages = example.putArray("messages");
        for (JsonNode message : request.path("messages")) {
            ObjectNode copy = messages.addObject();
            for (String field : List.of("role", "name", "content", "tool_calls", "tool_call_id")) {
                if (message.has(field) && !message.get(field).isNull()) {
                    copy.set(field, redact(message.get(field), redaction));
                }
            }
        }
        ObjectNode reply = messages.addObject().put("role", "assistant");
        String text = answer.path("text").asString("");
        if (answer.path("tool_calls").isEmpty()) {
            reply.put("content", PiiRedaction.apply(redaction, text));
        } else {
            if (text.isBlank()) {
                reply.putNull("content");
            } else {
                reply.put("content", PiiRedaction.apply(redaction, text));
            }
            ArrayNode calls = reply.putArray("tool_calls");
            int number = 0;
            for (JsonNode call : answer.path("tool_calls")) {
                calls.addObject().put("id", "call_" + (++number)).put("type", "function").putObject("function")
                        .put("name", call.path("name").asString(""))
                        .put("arguments", PiiRedaction.apply(redaction, call.path("arguments").asString("")));
            }
        }
        if (request.path("tools").isArray() && !request.path("tools").isEmpty()) {
            example.set("tools", request.path("tools"));
        }
        return example;
    }

    private static JsonNode redact(JsonNode node, Set<PiiRedaction> redaction) {
        if (redaction.isEmpty()) {
            return node;
        }
        if (node.isString()) {
            return Json.MAPPER.getNodeFactory().stringNode(PiiRedaction.apply(redaction, node.asString()));
        }
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            node.properties().forEach(entry -> copy.set(entry.getKey(), redact(entry.getValue(), redaction)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(redact(element, redaction)));
            return copy;
        }
        return node;
    }

    /** The plain form: the conversation as "role: text" lines, and the answer. */
    private static ObjectNode promptCompletion(ObjectNode example) {
        StringBuilder prompt = new StringBuilder();
        ArrayNode messages = (ArrayNode) example.path("messages");
        for (int i = 0; i < messages.size() - 1; i++) {
            JsonNode message = messages.get(i);
            prompt.append(message.path("role").asString("")).append(": ").append(text(message.path("content")))
                    .append('\n');
        }
        prompt.append("assistant:");
        JsonNode reply = messages.get(messages.size() - 1);
        StringBuilder completion = new StringBuilder(" ").append(text(reply.path("content")));
        for (JsonNode call : reply.path("tool_calls")) {
            completion.append("\n[tool call ").append(call.path("function").path("name").asString("")).append(' ')
                    .append(call.path("function").path("arguments").asString("")).append(']');
        }
        return Json.object().put("prompt", prompt.toString()).put("completion", completion.toString());
    }

    private static String text(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            text.append(part.path("text").asString(""));
        }
        return text.toString();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
