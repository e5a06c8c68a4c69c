package dev.gapwise.gateway.dialect.neutral;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes to the top-level fields of a JSON object — each named field set to a value, or removed — applied
 * either to a tree or to the object's bytes as the client sent them. On bytes, every member the edit does not
 * name is copied verbatim (no decoding, no re-encoding: a long prompt is one array copy), the named ones are
 * dropped wherever they stand (duplicates included) and the set ones are written after the rest. This is how a
 * request already in the upstream's dialect reaches it with only its model changed. Immutable.
 *
 * @param fields each field's new value, or empty to remove it
 */
public record TopLevelEdit(Map<String, Optional<JsonNode>> fields) {
    public TopLevelEdit {
        fields = Map.copyOf(fields);
    }

    /** A new object with the edits made; values the edit does not name are shared with {@code object}. */
    public ObjectNode applyTo(ObjectNode object) {
        ObjectNode edited = Json.shallowCopy(object);
        fields.forEach((name, value) -> value.ifPresentOrElse(v -> edited.set(name, v), () -> edited.remove(name)));
        return edited;
    }

    /**
     * The bytes of one JSON object with the edits made, or empty when {@code object} is not exactly one JSON
     * object (then edit its tree instead).
     */
    public Optional<byte[]> applyTo(byte[] object) {
        Objects.requireNonNull(object, "object");
        ByteArrayOutputStream out = new ByteArrayOutputStream(object.length + 64);
        out.write('{');
        boolean first = true;
        try (JsonParser parser = Json.MAPPER.createParser(object)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token = parser.nextToken();
            while (token == JsonToken.PROPERTY_NAME) {
                int start = offset(parser);
                boolean kept = !fields.containsKey(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
                token = parser.nextToken();
                if (kept) {
                    int end = valueEnd(object, offset(parser), token == JsonToken.PROPERTY_NAME);
                    if (!first) {
                        out.write(',');
                    }
                    out.write(object, start, end - start);
                    first = false;
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return Optional.empty();
            }
        } catch (JacksonException | IllegalStateException e) {
            return Optional.empty();
        }
        for (Map.Entry<String, Optional<JsonNode>> field : fields.entrySet()) {
            if (field.getValue().isPresent()) {
                if (!first) {
                    out.write(',');
                }
                out.writeBytes(Json.MAPPER.writeValueAsBytes(field.getKey()));
                out.write(':');
                out.writeBytes(Json.bytes(field.getValue().get()));
                first = false;
            }
        }
        out.write('}');
        return Optional.of(out.toByteArray());
    }

    /** The byte offset where the parser's current token starts. */
    private static int offset(JsonParser parser) {
        long offset = parser.currentTokenLocation().getByteOffset();
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the parser does not report byte offsets");
        }
        return (int) offset;
    }

    /**
     * Where a member's value ends, given where the next token starts: back over white space, the comma between
     * members (when another member follows) and white space again.
     */
    private static int valueEnd(byte[] object, int next, boolean memberFollows) {
        int at = next;
        at = skipSpaceBack(object, at);
        if (memberFollows) {
            if (object[at - 1] != ',') {
                throw new IllegalStateException("no comma between members");
            }
            at = skipSpaceBack(object, at - 1);
        }
        return at;
    }

    private static int skipSpaceBack(byte[] object, int at) {
        while (at > 0 && (object[at - 1] == ' ' || object[at - 1] == '\n' || object[at - 1] == '\r'
                || object[at - 1] == '\t')) {
            at--;
        }
        return at;
    }
}
