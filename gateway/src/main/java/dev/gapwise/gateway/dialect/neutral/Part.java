package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of a turn's content, with no dialect. A dialect's mapping turns each of its content shapes into one of
 * these and back; a shape with no neutral meaning travels as {@link Opaque}, which only its own dialect can write
 * again (any other refuses it, naming it).
 */
public sealed interface Part {
    /** Plain text. */
    record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** An image, inline or by URL. */
    record Image(Source source) implements Part {
        public Image {
            Objects.requireNonNull(source, "source");
        }
    }

    /** Where an image's bytes are. */
    sealed interface Source {
        /** Inline base64 bytes of a media type such as {@code image/png}. */
        record Base64(String mediaType, String data) implements Source {
            public Base64 {
                Objects.requireNonNull(mediaType, "mediaType");
                Objects.requireNonNull(data, "data");
            }

            /** The {@code data:} URL form. */
            public String dataUrl() {
                return "data:" + mediaType + ";base64," + data;
            }
        }

        /** A URL the model's host fetches. */
        record Url(String url) implements Source {
            public Url {
                Objects.requireNonNull(url, "url");
            }
        }

        /** A {@code data:…;base64,…} URL as inline bytes, any other URL as a URL. */
        static Source ofUrl(String url) {
            int comma = url.indexOf(',');
            if (url.startsWith("data:") && comma > 0 && url.substring(0, comma).endsWith(";base64")) {
                return new Base64(url.substring(5, comma - ";base64".length()), url.substring(comma + 1));
            }
            return new Url(url);
        }
    }

    /** An inline PDF (base64). */
    record Pdf(String data, Optional<String> title) implements Part {
        public Pdf {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(title, "title");
        }
    }

    /** The model asked to call a tool; {@code input} is a JSON object. */
    record ToolUse(String id, String name, JsonNode input) implements Part {
        public ToolUse {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(input, "input");
        }
    }

    /** What a tool call returned, sent back by the client in a user turn. */
    record ToolResult(String toolUseId, List<Part> content, boolean error) implements Part {
        public ToolResult {
            Objects.requireNonNull(toolUseId, "toolUseId");
            content = List.copyOf(content);
        }
    }

    /**
     * A model's visible reasoning with the signature its provider checks when the block is sent back; the two
     * travel together or not at all.
     */
    record Thinking(String text, String signature) implements Part {
        public Thinking {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /** Reasoning the provider encrypted; only its own dialect can carry it back. */
    record RedactedThinking(String data) implements Part {
        public RedactedThinking {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * A content shape with no neutral meaning (an audio part, a file by id, a server tool's result …), kept as it
     * came so the dialect it came from can write it back.
     *
     * @param origin the dialect's id ({@code openai}, {@code anthropic} …)
     * @param kind   what it is, in the client's words, for error messages ({@code an OpenAI 'input_audio' part})
     * @param where  where it is in the client's request ({@code messages[1].content[0]})
     * @param raw    the JSON as sent
     */
    record Opaque(String origin, String kind, String where, JsonNode raw) implements Part {
        public Opaque {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(raw, "raw");
        }
    }

    /** The text of the text parts, joined by {@code separator}. */
    static String text(List<Part> parts, String separator) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text t) {
                text.append(text.isEmpty() ? "" : separator).append(t.text());
            }
        }
        return text.toString();
    }
}
