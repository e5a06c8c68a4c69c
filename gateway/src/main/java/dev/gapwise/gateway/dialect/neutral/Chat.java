package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A chat request with no dialect: what every dialect's mapping reads into and writes from when the client and the
 * upstream speak different dialects (same-dialect traffic passes through untouched and never becomes a Chat).
 *
 * @param model             the model the client asked for
 * @param system            system instructions, in order (OpenAI system/developer messages, Anthropic's
 *                          {@code system})
 * @param turns             user and assistant turns, in order; tool results are parts of user turns
 * @param maxTokens         the output limit, when given
 * @param temperature       sampling temperature, when given
 * @param topP              nucleus sampling, when given
 * @param stop              stop sequences
 * @param stream            the client asked for a stream
 * @param tools             the tools offered
 * @param toolChoice        how the model must use them, when said
 * @param serialTools       the client asked for at most one tool call per turn
 * @param format            the output format asked for, when said
 * @param user              the end user's id, when given
 * @param extras            fields with no neutral meaning, kept for the dialect they came from
 */
public record Chat(String model, List<String> system, List<Turn> turns, OptionalInt maxTokens,
                   OptionalDouble temperature, OptionalDouble topP, List<String> stop, boolean stream,
                   List<Tool> tools, Optional<ToolChoice> toolChoice, boolean serialTools,
                   Optional<OutputFormat> format, Optional<String> user, Extras extras) {
    public Chat {
        Objects.requireNonNull(model, "model");
        system = List.copyOf(system);
        turns = List.copyOf(turns);
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(temperature, "temperature");
        Objects.requireNonNull(topP, "topP");
        stop = List.copyOf(stop);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(extras, "extras");
    }

    /** Who speaks a turn. */
    public enum Role {
        USER,
        ASSISTANT
    }

    /** One turn of the conversation. */
    public record Turn(Role role, List<Part> parts) {
        public Turn {
            Objects.requireNonNull(role, "role");
            parts = List.copyOf(parts);
        }
    }

    /** A function the model may call; {@code schema} is the JSON Schema of its input. */
    public record Tool(String name, Optional<String> description, JsonNode schema) {
        public Tool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /** How the model must use the tools. */
    public sealed interface ToolChoice {
        /** The model decides. */
        record Auto() implements ToolChoice {
        }

        /** The model must call some tool. */
        record Any() implements ToolChoice {
        }

        /** The model must not call tools. */
        record None() implements ToolChoice {
        }

        /** The model must call this tool. */
        record Named(String name) implements ToolChoice {
            public Named {
                Objects.requireNonNull(name, "name");
            }
        }
    }

    /** A structured output request. */
    public sealed interface OutputFormat {
        /** Any single JSON object. */
        record JsonObject() implements OutputFormat {
        }

        /** JSON matching a schema. */
        record JsonSchema(String name, JsonNode schema, boolean strict) implements OutputFormat {
            public JsonSchema {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(schema, "schema");
            }
        }
    }

    /**
     * Request fields one dialect sent that have no neutral meaning (Anthropic's {@code thinking}, OpenAI's {@code
     * seed} …): written back only when the request goes to that same dialect, and listed in notes otherwise.
     *
     * @param origin the dialect's id
     * @param fields the fields as sent
     */
    public record Extras(String origin, ObjectNode fields) {
        public Extras {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(fields, "fields");
        }

        public static Extras none(String origin) {
            return new Extras(origin, Json.object());
        }

        /**
         * Writes the fields back into {@code request} when it is in their own dialect; otherwise notes each one
         * as dropped.
         *
         * @param dialect the id of the request's dialect
         * @param api     its name for the notes ({@code OpenAI Chat Completions})
         */
        public void writeBack(ObjectNode request, String dialect, String api, List<String> notes) {
            if (origin.equals(dialect)) {
                request.setAll(fields);
            } else {
                fields.propertyNames().forEach(name -> notes.add("'" + name + "' dropped: " + api + " has no equivalent"));
            }
        }
    }
}
