package dev.gapwise.gateway.embeddings;

import java.util.Locale;
import java.util.Optional;

/** The OpenAI embeddings wire format: paths, field names and the two vector encodings. */
public final class EmbeddingsWire {
    /** The upstream path under an OpenAI-compatible base URL. */
    static final String PATH = "/embeddings";
    /** The path of Google's OpenAI-compatible embeddings under the Gemini API base ({@code …/v1beta}). */
    static final String GEMINI_OPENAI_PATH = "/openai/embeddings";
    /** The most inputs one request may carry (the OpenAI API's limit). */
    static final int MAX_INPUTS = 2048;

    private EmbeddingsWire() {
    }

    /** How vectors travel: JSON arrays of numbers, or base64 of little-endian float32 (what the OpenAI SDKs ask for). */
    public enum Encoding {
        FLOAT,
        BASE64;

        /** Parses {@code encoding_format}. */
        static Optional<Encoding> parse(String text) {
            return switch (text) {
                case "float" -> Optional.of(FLOAT);
                case "base64" -> Optional.of(BASE64);
                default -> Optional.empty();
            };
        }

        /** The wire name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A checked embeddings request.
     *
     * @param model      the model the client asked for ({@code auto} lets the gateway choose)
     * @param encoding   how the client wants the vectors ({@code float} when it did not say, as the API defines)
     * @param inputs     how many inputs it embeds
     * @param characters the characters of its text inputs (token arrays count one character a token), for estimates
     */
    public record Request(String model, Encoding encoding, int inputs, long characters) {
    }
}
