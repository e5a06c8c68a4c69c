package dev.gapwise.gateway.fake;

import dev.gapwise.gateway.embeddings.EmbeddingsMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake upstream's {@code /embeddings}: a deterministic vector per input text ({@link #vector}), in base64 when
 * asked, except for an upstream model whose name contains {@value #FLOATS_ONLY}, which answers floats whatever it
 * was asked (as some OpenAI-compatible hosts do).
 */
public final class FakeEmbeddings {
    public static final String FLOATS_ONLY = "floats-only";
    public static final int DIMENSIONS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakeEmbeddings() {
    }

    /** The vector the fake answers for {@code text}: values spread over (-1, 1), some with many digits. */
    public static float[] vector(String text) {
        int seed = java.util.Arrays.hashCode(text.getBytes(StandardCharsets.UTF_8));
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) Math.sin(seed * 0.001 + i * 1.7);
        }
        return vector;
    }

    static String answer(JsonNode body, long promptTokens) {
        String model = body.path("model").asString("");
        boolean base64 = "base64".equals(body.path("encoding_format").asString("")) && !model.contains(FLOATS_ONLY);
        List<String> texts = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isString()) {
            texts.add(input.asString());
        } else {
            input.forEach(item -> texts.add(item.isString() ? item.asString() : item.toString()));
        }
        ObjectNode answer = JSON.createObjectNode().put("object", "list").put("model", model);
        ArrayNode data = answer.putArray("data");
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vector(texts.get(i));
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", EmbeddingsMapping.pack(vector));
            } else {
                ArrayNode numbers = item.putArray("embedding");
                for (float value : vector) {
                    numbers.add(value);
                }
            }
        }
        answer.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return JSON.writeValueAsString(answer);
    }
}
