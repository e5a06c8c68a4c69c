package dev.gapwise.gateway.shadow;

import dev.gapwise.gateway.call.Target;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.config.Timeouts;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.score.Answer;
import dev.gapwise.gateway.text.Redactor;
import dev.gapwise.gateway.dialect.Translation;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one shadow (or judge) request, never streamed, with its own HTTP client so shadow traffic shares no
 * connection pool with client traffic. The request is translated to the deployment's dialect, its output capped,
 * and its answer read in neutral form. An interrupt (shutdown) aborts the exchange. Error text is redacted of
 * credentials. Thread-safe.
 */
final class ShadowCaller implements AutoCloseable {
    private final HttpClient http;
    private final Timeouts timeouts;
    private final Redactor redactor;

    ShadowCaller(Timeouts timeouts, Redactor redactor, int maxConnections) {
        this.timeouts = timeouts;
        this.redactor = redactor;
        http = new HttpClient();
        http.setConnectTimeout(timeouts.connect().toMillis());
        http.setIdleTimeout(timeouts.total().toMillis());
        http.setFollowRedirects(false);
        http.setUserAgentField(null);
        http.setMaxConnectionsPerDestination(Math.max(1, maxConnections));
        try {
            http.start();
            http.getProtocolHandlers().clear();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the shadow HTTP client", e);
        }
    }

    /** How a call ended. */
    sealed interface Reply {
        long micros();

        /** A 2xx with a readable body. */
        record Answered(int status, Answer answer, Usage usage, long micros) implements Reply {
        }

        /** No usable answer; {@code usage} is what was billed anyway (nothing, for a refusal before sending). */
        record Failed(int status, String error, long micros) implements Reply {
        }
    }

    /** The request in {@code from}'s dialect, as the deployment will get it: translated, unstreamed, capped. */
    static Translation.Request prepare(Target target, WireDialect from, ObjectNode body, int maxOutputTokens) {
        ObjectNode plain = body.deepCopy();
        plain.remove("stream");
        plain.remove("stream_options");
        return switch (Translation.request(from, target.dialect(), plain)) {
            case Translation.Request.Refused refused -> refused;
            case Translation.Request.Translated translated -> {
                ObjectNode out = target.dialect().upstream().prepare(translated.body(),
                        target.deployment().upstreamModel());
                out.remove("stream");
                String field = out.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
                long asked = out.path(field).asLong(Long.MAX_VALUE);
                out.put(field, Math.min(asked <= 0 ? Long.MAX_VALUE : asked, maxOutputTokens));
                yield new Translation.Request.Translated(out, translated.notes());
            }
        };
    }

    /** Sends a prepared request (see {@link #prepare}) and reads the answer. */
    Reply send(Target target, ObjectNode prepared) throws InterruptedException {
        DialectUpstream provider = target.dialect().upstream();
        byte[] bytes = Json.bytes(prepared);
        long started = System.nanoTime();
        ContentResponse response;
        try {
            response = http.newRequest(target.endpoint()).method(HttpMethod.POST)
                    .timeout(timeouts.total().toMillis(), TimeUnit.MILLISECONDS)
                    .headers(headers -> {
                        headers.put(HttpHeader.ACCEPT, "application/json");
                        provider.authorize(headers, target.apiKey());
                    })
                    .body(new BytesRequestContent("application/json", bytes)).send();
        } catch (TimeoutException e) {
            return new Reply.Failed(0, "no answer within " + timeouts.total().toMillis() + " ms", micros(started));
        } catch (ExecutionException e) {
            return new Reply.Failed(0, "connection failed: " + (e.getCause() == null ? "unknown"
                    : e.getCause().getClass().getSimpleName()), micros(started));
        }
        long micros = micros(started);
        byte[] raw = response.getContent();
        if (response.getStatus() / 100 != 2) {
            return new Reply.Failed(response.getStatus(), redactor.redact(provider.errorMessage(raw)), micros);
        }
        JsonNode json = Json.parseOrNull(raw);
        if (json == null || !json.isObject()) {
            return new Reply.Failed(response.getStatus(), "the answer is not a JSON object", micros);
        }
        Answer answer;
        try {
            answer = Answer.of(target.dialect(), json);
        } catch (RuntimeException e) {
            return new Reply.Failed(response.getStatus(), "the answer cannot be read: " + e.getClass().getSimpleName(),
                    micros);
        }
        Usage usage = provider.usage(json).orElseGet(() -> Usage.estimated(Usage.estimateTokens(bytes.length),
                Usage.estimateTokens(answer.text().length())));
        return new Reply.Answered(response.getStatus(), answer, usage, micros);
    }

    private static long micros(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000;
    }

    @Override
    public void close() {
        try {
            http.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the shadow HTTP client", e);
        }
    }
}
