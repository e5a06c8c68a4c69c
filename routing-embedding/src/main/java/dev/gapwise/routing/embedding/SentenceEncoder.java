package dev.gapwise.routing.embedding;

import dev.gapwise.routing.classify.RequestText;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * Turns a request into a 384-dimension sentence embedding with bge-small-en-v1.5 (quantised, run in process by ONNX
 * Runtime). What is embedded is the instruction (the pasted material's topic must not decide), preceded by the end of
 * the earlier turns when there are any, cut to {@value #MAX_CHARS} characters: the cost grows with length (about
 * 3.5 ms for a sentence and 15 ms for {@value #MAX_CHARS} characters on one core of the reference machine), and a
 * question's stakes show in its first lines. Loading the model takes about a second; build one and share it.
 * Thread-safe.
 */
public final class SentenceEncoder {
    /** The longest input embedded, in characters. */
    public static final int MAX_CHARS = 600;
    private static final int CONTEXT_CHARS = 200;
    /** The model's name, for reasons and reports. */
    public static final String MODEL = "bge-small-en-v1.5 (quantised ONNX)";

    private final EmbeddingModel model;

    private SentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /** The model shipped in the Maven artifact. */
    public static SentenceEncoder bundled() {
        return new SentenceEncoder(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    /** The text that is embedded for a request. */
    public static String input(RequestText text) {
        String input = text.instruction();
        if (!text.context().isEmpty()) {
            String context = text.context();
            input = context.substring(Math.max(0, context.length() - CONTEXT_CHARS)) + "\n" + input;
        }
        return input.length() <= MAX_CHARS ? input : input.substring(0, MAX_CHARS);
    }

    /** The embedding of a request (unit length). */
    public float[] encode(RequestText text) {
        return encode(input(text));
    }

    /** The embedding of a string, cut to {@link #MAX_CHARS}. */
    public float[] encode(String text) {
        String input = text.isBlank() ? "." : text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        return model.embed(input).content().vector();
    }
}
