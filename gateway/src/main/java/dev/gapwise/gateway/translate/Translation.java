package dev.gapwise.gateway.translate;

import dev.gapwise.catalog.Dialect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Picks the translation between two dialects; same-dialect traffic passes through untouched. Stateless. */
public final class Translation {
    private Translation() {
    }

    /** A request in dialect {@code from} rewritten for an upstream speaking {@code to}. */
    public static ObjectNode request(Dialect from, Dialect to, ObjectNode request) {
        if (from == to) {
            return request;
        }
        return from == Dialect.OPENAI ? OpenAiToAnthropic.request(request) : AnthropicToOpenAi.request(request);
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
