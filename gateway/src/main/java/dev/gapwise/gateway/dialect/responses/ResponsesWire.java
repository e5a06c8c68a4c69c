package dev.gapwise.gateway.dialect.responses;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Records of the Responses API wire format, as far as the gateway reads and writes it. Immutable. */
public final class ResponsesWire {
    private ResponsesWire() {
    }

    /**
     * A checked {@code POST /v1/responses} body.
     *
     * @param model              the requested model (or {@code auto})
     * @param instructions       the system instructions of this turn
     * @param input              the input items, a plain-string input already made one user message
     * @param tools              the function and custom (free-form) tools, in the Responses shape
     * @param toolChoice         {@code auto}, {@code none}, {@code required} or {@code {type: function, name}}
     * @param reasoningEffort    {@code reasoning.effort}, when sent
     * @param textFormat         {@code text.format} when it is {@code json_schema} or {@code json_object}
     * @param store              keep the response for {@code previous_response_id} and {@code GET} (default true)
     * @param previousResponseId the stored response this turn continues
     * @param stream             answer with Responses stream events
     * @param maxOutputTokens    {@code max_output_tokens}
     * @param temperature        {@code temperature}
     * @param topP               {@code top_p}
     * @param parallelToolCalls  {@code parallel_tool_calls}
     * @param metadata           {@code metadata}, echoed on the response
     */
    public record Request(String model, Optional<String> instructions, List<Item> input, ArrayNode tools,
                          Optional<JsonNode> toolChoice, Optional<String> reasoningEffort,
                          Optional<ObjectNode> textFormat, boolean store, Optional<String> previousResponseId,
                          boolean stream, OptionalInt maxOutputTokens, Optional<Double> temperature,
                          Optional<Double> topP, Optional<Boolean> parallelToolCalls, Optional<ObjectNode> metadata) {
        public Request {
            Objects.requireNonNull(model, "model");
            input = List.copyOf(input);
            tools = tools.deepCopy();
        }

        /** The names of the custom (free-form input) tools, whose calls are {@code custom_tool_call} items. */
        public java.util.Set<String> customTools() {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (JsonNode tool : tools) {
                if (tool.path("type").asString("").equals("custom")) {
                    names.add(tool.path("name").asString(""));
                }
            }
            return names;
        }
    }

    /** One item of a conversation: what the client sends in {@code input} and what a response outputs. */
    public sealed interface Item {
        /** A message: user, system and developer turns carry input parts, assistant turns output text. */
        record Message(String role, List<Part> content) implements Item {
            public Message {
                content = List.copyOf(content);
            }
        }

        /** A tool call the model made. */
        record FunctionCall(String callId, String name, String arguments) implements Item {
        }

        /** A call of a custom tool, whose input is free text. */
        record CustomToolCall(String callId, String name, String input) implements Item {
        }

        /** The client's result of a tool call ({@code custom}: of a custom tool's). */
        record FunctionCallOutput(String callId, String output, boolean custom) implements Item {
        }

        /**
         * A reasoning item from an earlier turn: only the provider that wrote it can read it back, and the chat path
         * has no field for it, so it is carried in stored history but not sent upstream.
         */
        record Reasoning(JsonNode raw) implements Item {
        }
    }

    /** A part of a message. */
    public sealed interface Part {
        /** {@code input_text} (and {@code output_text} of assistant turns, {@link Text#output} true). */
        record Text(String text, boolean output) implements Part {
        }

        /** {@code input_image} by URL (a {@code data:} URL included); {@code detail} may be empty. */
        record Image(String url, Optional<String> detail) implements Part {
        }
    }

    /** A response's status, as the wire spells it. */
    public enum Status {
        IN_PROGRESS("in_progress"), COMPLETED("completed"), INCOMPLETE("incomplete"), FAILED("failed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /**
     * Token counts of a response.
     *
     * @param input     input tokens, cached included
     * @param cached    the part of {@code input} read from the provider's cache
     * @param cacheWrite the part of {@code input} written to the provider's cache (0 when the upstream says none)
     * @param output    output tokens, reasoning included
     * @param reasoning the reasoning part of {@code output}
     */
    public record Usage(long input, long cached, long cacheWrite, long output, long reasoning) {
    }
}
