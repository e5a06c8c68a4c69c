package dev.gapwise.gateway.dialect.gemini;

import java.util.Optional;

/** The Gemini API wire format: paths, actions and the names the gateway reads and writes. */
final class GeminiWire {
    /** The ingress prefixes: the Gemini API's versions, each followed by {@code {model}:{action}}. */
    static final String V1BETA_MODELS = "/v1beta/models/";
    static final String V1_MODELS = "/v1/models/";
    static final String GENERATE = "generateContent";
    static final String STREAM = "streamGenerateContent";
    /** The role Gemini gives the model's turns ({@code user} for the other side). */
    static final String MODEL_ROLE = "model";
    static final String API_KEY_HEADER = "x-goog-api-key";

    private GeminiWire() {
    }

    /**
     * {@code usageMetadata}: {@code promptTokenCount} includes {@code cachedContentTokenCount}; thinking is counted
     * apart from the answer in {@code thoughtsTokenCount} and billed as output.
     */
    record Usage(long prompt, long candidates, long thoughts, long cached, long toolUsePrompt) {
    }

    /**
     * A model and an action read from a request path.
     *
     * @param model  the model, {@code models/} prefix and all
     * @param stream {@code streamGenerateContent} rather than {@code generateContent}
     */
    record Call(String model, boolean stream) {
        /** {@code /v1beta/models/gemini-2.5-flash:streamGenerateContent} and the like; empty for anything else. */
        static Optional<Call> of(String path) {
            String rest;
            if (path.startsWith(V1BETA_MODELS)) {
                rest = path.substring(V1BETA_MODELS.length());
            } else if (path.startsWith(V1_MODELS)) {
                rest = path.substring(V1_MODELS.length());
            } else {
                return Optional.empty();
            }
            int colon = rest.lastIndexOf(':');
            if (colon <= 0 || rest.indexOf('/') >= 0) {
                return Optional.empty();
            }
            String action = rest.substring(colon + 1);
            String model = rest.substring(0, colon);
            return switch (action) {
                case GENERATE -> Optional.of(new Call(model, false));
                case STREAM -> Optional.of(new Call(model, true));
                default -> Optional.empty();
            };
        }
    }
}
