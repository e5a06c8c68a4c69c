package dev.gapwise.gateway.embeddings;

import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.neutral.Usage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Optional;

/**
 * Pure functions over the embeddings wire: the request's checks (each refusal names the field and the fix), the
 * upstream request, usage, and the re-encoding of an answer's vectors into the encoding the client asked for. A
 * base64 vector is the little-endian IEEE-754 float32 bytes of the vector, as the OpenAI API and SDKs define it.
 * Stateless.
 */
public final class EmbeddingsMapping {
    private EmbeddingsMapping() {
    }

    /** A request checked, or why it is refused. */
    public sealed interface Checked {
        /** A request the gateway can route. */
        record Ok(EmbeddingsWire.Request request) implements Checked {
        }

        /** A request to refuse with a 400; {@code message} names the field and the fix. */
        record Bad(String message) implements Checked {
        }
    }

    /** Checks a client's request body. */
    public static Checked check(ObjectNode body) {
        JsonNode model = body.path("model");
        if (!model.isString() || model.asString().isBlank()) {
            return new Checked.Bad("'model' is required: name an embedding model, or send \"auto\"");
        }
        EmbeddingsWire.Encoding encoding = EmbeddingsWire.Encoding.FLOAT;
        JsonNode format = body.path("encoding_format");
        if (!format.isMissingNode() && !format.isNull()) {
            Optional<EmbeddingsWire.Encoding> parsed = format.isString()
                    ? EmbeddingsWire.Encoding.parse(format.asString()) : Optional.empty();
            if (parsed.isEmpty()) {
                return new Checked.Bad("'encoding_format' must be \"float\" or \"base64\"");
            }
            encoding = parsed.get();
        }
        JsonNode dimensions = body.path("dimensions");
        if (!dimensions.isMissingNode() && !dimensions.isNull()
                && (!dimensions.isIntegralNumber() || !dimensions.canConvertToInt() || dimensions.intValue() < 1)) {
            return new Checked.Bad("'dimensions' must be a positive integer");
        }
        if (body.has("stream")) {
            return new Checked.Bad("'stream' is not a field of an embeddings request; leave it out");
        }
        JsonNode input = body.path("input");
        if (input.isString()) {
            return input.asString().isEmpty() ? new Checked.Bad("'input' must not be an empty string")
                    : new Checked.Ok(new EmbeddingsWire.Request(model.asString(), encoding, 1, input.asString().length()));
        }
        if (!input.isArray() || input.isEmpty()) {
            return new Checked.Bad("'input' is required: a string, an array of strings, an array of token ids, or an "
                    + "array of token-id arrays");
        }
        if (input.size() > EmbeddingsWire.MAX_INPUTS) {
            return new Checked.Bad("'input' has " + input.size() + " items; send at most " + EmbeddingsWire.MAX_INPUTS
                    + " per request");
        }
        if (input.get(0).isIntegralNumber()) {
            for (JsonNode token : input) {
                if (!token.isIntegralNumber() || token.longValue() < 0) {
                    return new Checked.Bad("'input' mixes token ids with other values; send non-negative integers only");
                }
            }
            return new Checked.Ok(new EmbeddingsWire.Request(model.asString(), encoding, 1, input.size()));
        }
        long characters = 0;
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            if (item.isString() && !item.asString().isEmpty()) {
                characters += item.asString().length();
            } else if (item.isArray() && !item.isEmpty() && allTokens(item)) {
                characters += item.size();
            } else {
                return new Checked.Bad("'input[" + i + "]' must be a non-empty string or a non-empty array of "
                        + "non-negative token ids, all items of one kind");
            }
        }
        return new Checked.Ok(new EmbeddingsWire.Request(model.asString(), encoding, input.size(), characters));
    }

    private static boolean allTokens(JsonNode array) {
        for (JsonNode token : array) {
            if (!token.isIntegralNumber() || token.longValue() < 0) {
                return false;
            }
        }
        return true;
    }

    /** A copy of the client's request aimed at {@code upstreamModel}. */
    static ObjectNode prepare(ObjectNode request, String upstreamModel) {
        ObjectNode copy = request.deepCopy();
        copy.put("model", upstreamModel);
        return copy;
    }

    /** The tokens an answer reports ({@code usage.prompt_tokens}); embeddings have no output tokens. */
    static Optional<Usage> usage(JsonNode response) {
        JsonNode prompt = response.path("usage").path("prompt_tokens");
        return prompt.isIntegralNumber() ? Optional.of(Usage.reported(prompt.longValue(), 0)) : Optional.empty();
    }

    /** A re-encoded answer, or why the upstream's answer is not one. */
    public sealed interface Encoded {
        /** The answer with every vector in the client's encoding. */
        record Ok(ObjectNode answer) implements Encoded {
        }

        /** The upstream's answer has no vectors the gateway can read; {@code message} says what is wrong. */
        record Broken(String message) implements Encoded {
        }
    }

    /**
     * The upstream's answer with each {@code data[i].embedding} in {@code wanted}: floats packed to base64, base64
     * decoded to floats, or left as they are when they already match.
     */
    public static Encoded encode(JsonNode answer, EmbeddingsWire.Encoding wanted) {
        if (!answer.isObject() || !answer.path("data").isArray()) {
            return new Encoded.Broken("upstream embeddings answer has no 'data' array");
        }
        ObjectNode copy = (ObjectNode) answer.deepCopy();
        for (JsonNode item : copy.path("data")) {
            JsonNode vector = item.path("embedding");
            if (!item.isObject() || !(vector.isArray() || vector.isString())) {
                return new Encoded.Broken("upstream embeddings answer has an item without an 'embedding' vector");
            }
            ObjectNode entry = (ObjectNode) item;
            switch (wanted) {
                case BASE64 -> {
                    if (vector.isArray()) {
                        Optional<float[]> floats = floats(vector);
                        if (floats.isEmpty()) {
                            return new Encoded.Broken("upstream embedding vector holds something other than numbers");
                        }
                        entry.put("embedding", pack(floats.get()));
                    }
                }
                case FLOAT -> {
                    if (vector.isString()) {
                        Optional<float[]> floats = unpack(vector.asString());
                        if (floats.isEmpty()) {
                            return new Encoded.Broken("upstream base64 embedding is not little-endian float32");
                        }
                        ArrayNode numbers = Json.MAPPER.createArrayNode();
                        for (float value : floats.get()) {
                            numbers.add(value);
                        }
                        entry.set("embedding", numbers);
                    }
                }
            }
        }
        return new Encoded.Ok(copy);
    }

    private static Optional<float[]> floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode number = array.get(i);
            if (!number.isNumber()) {
                return Optional.empty();
            }
            values[i] = number.floatValue();
        }
        return Optional.of(values);
    }

    /** A vector as base64 of its little-endian float32 bytes. */
    public static String pack(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The vector of a base64 little-endian float32 string; empty when it is not one. */
    public static Optional<float[]> unpack(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length % Float.BYTES != 0) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[raw.length / Float.BYTES];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = bytes.getFloat();
        }
        return Optional.of(vector);
    }
}
