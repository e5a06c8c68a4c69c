package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.call.ClientChannel;
import dev.gapwise.gateway.call.Failure;
import dev.gapwise.gateway.call.RateLimitStatus;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.score.Answer;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A client channel that passes everything to the client unchanged and keeps a bounded copy of the served answer
 * in the client's dialect: the complete body, or the text and tool-call deltas of a stream. Beyond
 * {@value #MAX_CHARS} characters the copy is marked too large and the pair is not shadowed (a truncated answer
 * would be scored unfairly). Used by the request's thread only.
 */
final class AnswerCapture implements ClientChannel {
    static final int MAX_CHARS = 256 * 1024;

    private final ClientChannel client;
    private final WireDialect dialect;
    private final StringBuilder text = new StringBuilder();
    private final TreeMap<Integer, String[]> calls = new TreeMap<>();
    private String servedBy;
    private Answer complete;
    private boolean tooLarge;

    AnswerCapture(ClientChannel client, WireDialect dialect) {
        this.client = client;
        this.dialect = dialect;
    }

    @Override
    public boolean respond(ServedBy served, byte[] json) {
        boolean delivered = client.respond(served, json); // the client first: the copy is read after it has its answer
        servedBy = served.deploymentId();
        if (json.length <= MAX_CHARS * 4) {
            JsonNode node = Json.parseOrNull(json);
            try {
                complete = node == null ? null : Answer.of(dialect, node);
            } catch (RuntimeException e) {
                tooLarge = true; // unreadable: the pair is skipped rather than scored on a guess
            }
        } else {
            tooLarge = true;
        }
        return delivered;
    }

    @Override
    public boolean send(ServedBy served, SseEvent event) {
        servedBy = served.deploymentId();
        if (!tooLarge && event.json() != null) {
            switch (dialect.kind()) {
                case OPENAI -> openAi(event.json());
                case ANTHROPIC -> anthropic(event.json());
            }
            tooLarge |= text.length() > MAX_CHARS;
        }
        return client.send(served, event);
    }

    private void openAi(JsonNode chunk) {
        JsonNode delta = chunk.path("choices").path(0).path("delta");
        text.append(delta.path("content").asString(""));
        for (JsonNode call : delta.path("tool_calls")) {
            String[] slot = calls.computeIfAbsent(call.path("index").asInt(0), i -> new String[] {"", ""});
            slot[0] += call.path("function").path("name").asString("");
            slot[1] += call.path("function").path("arguments").asString("");
        }
    }

    private void anthropic(JsonNode event) {
        switch (event.path("type").asString("")) {
            case "content_block_start" -> {
                JsonNode block = event.path("content_block");
                if ("tool_use".equals(block.path("type").asString(""))) {
                    calls.put(event.path("index").asInt(0), new String[] {block.path("name").asString(""), ""});
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                switch (delta.path("type").asString("")) {
                    case "text_delta" -> text.append(delta.path("text").asString(""));
                    case "input_json_delta" -> {
                        String[] slot = calls.get(event.path("index").asInt(0));
                        if (slot != null) {
                            slot[1] += delta.path("partial_json").asString("");
                        }
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void rateLimits(RateLimitStatus status) {
        client.rateLimits(status);
    }

    @Override
    public void endStream() {
        client.endStream();
    }

    @Override
    public void breakStream(Failure failure) {
        client.breakStream(failure);
    }

    /** The deployment that served the answer, when one did. */
    Optional<String> servedBy() {
        return Optional.ofNullable(servedBy);
    }

    /** The served answer, or empty when it was too large or unreadable. */
    Optional<Answer> answer() {
        if (tooLarge) {
            return Optional.empty();
        }
        if (complete != null) {
            return Optional.of(complete);
        }
        if (servedBy == null) {
            return Optional.empty();
        }
        List<Answer.ToolCall> toolCalls = new ArrayList<>();
        calls.values().forEach(slot -> toolCalls.add(new Answer.ToolCall(slot[0],
                Answer.canonical(slot[1].isEmpty() ? "{}" : slot[1]))));
        return Optional.of(new Answer(text.toString(), toolCalls));
    }
}
