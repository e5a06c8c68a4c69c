package dev.gapwise.gateway.translate;

import dev.gapwise.catalog.Dialect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Picks the translation between two dialects; same-dialect traffic passes through untouched. Stateless. */
public final class Translation {
    private Translation() {
    }

    /** A request rewritten for another dialect, or why it cannot be. */
    public sealed interface Request {
        /** The request in the upstream's dialect. */
        record Translated(ObjectNode body) implements Request {
        }

        /** A part of the request has no equivalent in the upstream's dialect; {@code reason} names it. */
        record Refused(String reason) implements Request {
        }
    }

    /**
     * A request in dialect {@code from} rewritten for an upstream speaking {@code to}; refused, naming the part,
     * when a part has no equivalent there (never silently dropped).
     */
    public static Request request(Dialect from, Dialect to, ObjectNode request) {
        if (from == to) {
            return new Request.Translated(request);
        }
        try {
            return new Request.Translated(from == Dialect.OPENAI ? OpenAiToAnthropic.request(request)
                    : AnthropicToOpenAi.request(request));
        } catch (UntranslatablePart e) {
            return new Request.Refused(e.getMessage());
        }
    }

    /** A complete upstream response in dialect {@code from} rewritten for a client speaking {@code to}. */
    public static JsonNode response(Dialect from, Dialect to, JsonNode response, long epochSecond) {
        if (from == to) {
            return response;
        }
        return from == Dialect.OPENAI ? OpenAiToAnthropic.response(response)
                : AnthropicToOpenAi.response(response, epochSecond);
    }

    /**
     * A translator for one stream from an upstream speaking {@code from} to a client speaking {@code to}.
     *
     * @param clientWantsUsage the OpenAI client asked for {@code stream_options.include_usage}
     */
    public static StreamTranslator stream(Dialect from, Dialect to, boolean clientWantsUsage, long epochSecond) {
        if (from == to) {
            return new PassThroughStream(from, clientWantsUsage);
        }
        return from == Dialect.OPENAI ? new OpenAiStreamToAnthropic()
                : new AnthropicStreamToOpenAi(clientWantsUsage, epochSecond);
    }
}
