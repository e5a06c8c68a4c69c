package dev.gapwise.gateway.call;

import dev.gapwise.gateway.config.Timeouts;
import dev.gapwise.gateway.dialect.neutral.BoundedRead;
import dev.gapwise.gateway.dialect.neutral.Json;
import dev.gapwise.gateway.dialect.DialectUpstream;
import dev.gapwise.gateway.dialect.WireDialect;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.dialect.neutral.SseEvent;
import dev.gapwise.gateway.dialect.neutral.SseReader;
import dev.gapwise.gateway.dialect.StreamTracker;
import dev.gapwise.gateway.telemetry.RequestTrace;
import dev.gapwise.gateway.text.Redactor;
import dev.gapwise.gateway.dialect.StreamTranslator;
import dev.gapwise.gateway.dialect.Translation;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One attempt against one deployment: translate the request, send it, and either relay the complete answer or
 * relay the stream event by event. The attempt is handed to the {@link AttemptSink} before the response's final
 * byte, and before anything that could fail on the answer's content, so a call the provider billed always has
 * its row. A stream that ends without its final event, or breaks, ends the client's stream with an error; a
 * client that goes away, or a shutdown past its grace period ({@link Cancellation}), aborts the upstream exchange
 * at once. Upstream error text is redacted of credentials here, where it enters the gateway, before it can reach
 * a client, a log or the ledger. Thread-safe (state is per call).
 */
public final class AttemptRunner {
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final UpstreamClient upstream;
    private final Timeouts timeouts;
    private final AttemptSink sink;
    private final InstantSource clock;
    private final Redactor redactor;

    public AttemptRunner(UpstreamClient upstream, Timeouts timeouts, AttemptSink sink, InstantSource clock,
                         Redactor redactor) {
        this.upstream = upstream;
        this.timeouts = timeouts;
        this.sink = sink;
        this.clock = clock;
        this.redactor = redactor;
    }

    /** What one attempt led to. */
    sealed interface Result {
        /** The call is over, one way or another. */
        record Done(Attempt attempt, Function<List<Attempt>, CallOutcome> outcome) implements Result {
        }

        /** Nothing reached the client; the loop may retry or fall back. */
        record Failed(Attempt attempt, Failure.Upstream failure, Optional<Duration> retryAfter) implements Result {
        }

        /** The request has a part this deployment's dialect cannot carry: nothing was sent, nothing recorded. */
        record Untranslatable(Failure.BadRequest failure) implements Result {
        }

        /** A budget or rate limit stopped the attempt before it was sent: nothing was sent, nothing recorded. */
        record Stopped(AttemptGate.Verdict.Stop stop) implements Result {
        }
    }

    /** Time spent waiting on upstreams and backoff during one call: not gateway overhead. */
    static final class Waits {
        private long nanos;

        void add(long value) {
            nanos += value;
        }
    }

    Result run(CallRequest request, Target target, int number, String reason, ClientChannel client, Waits waits,
               AttemptGate.Tab tab) {
        DialectUpstream provider = target.dialect().upstream();
        WireDialect ingress = request.context().ingress();
        ObjectNode translated;
        List<String> notes;
        switch (Translation.request(ingress, target.dialect(), request.body())) {
            case Translation.Request.Refused refused -> {
                return new Result.Untranslatable(new Failure.BadRequest(refused.reason() + " (deployment "
                        + target.deployment().id() + " speaks " + target.dialect().id() + ")"));
            }
            case Translation.Request.Translated done -> {
                translated = done.body();
                notes = done.notes();
            }
        }
        switch (tab.admit(target, number)) {
            case AttemptGate.Verdict.Stop stop -> {
                stop.limits().ifPresent(client::rateLimits);
                return new Result.Stopped(stop);
            }
            case AttemptGate.Verdict.Go go -> client.rateLimits(go.limits());
        }
        byte[] body = upstreamBody(request, target, translated);
        Instant startedAt = clock.instant();
        long sent = System.nanoTime();
        long overheadBefore = sent - request.receivedNanos() - waits.nanos;
        Attempt.Builder attempt = new Attempt.Builder(request.context(), number, target.deployment(), reason, startedAt, sent);
        Cancellation cancellation = request.cancellation();
        boolean sameDialect = ingress.kind() == target.dialect().kind();
        URI uri = provider.endpoint(target.endpoint(), target.deployment().upstreamModel(), request.stream());
        Consumer<HttpFields.Mutable> headers = fields -> {
            fields.put(HttpHeader.ACCEPT, request.stream() ? "text/event-stream" : "application/json");
            provider.authorize(fields, target.apiKey());
            if (sameDialect) {
                request.clientHeaders().forEach(fields::put);
            }
            RequestTrace.current().sending(number, target.deployment(), target.endpoint(), fields::put);
        };
        UpstreamClient.Sent response = request.stream()
                ? upstream.send(uri, headers, body, timeouts, cancellation)
                : upstream.sendWhole(uri, headers, body, timeouts, cancellation, MAX_BODY, MAX_ERROR_BODY);
        try {
            return answer(request, target, reason, client, waits, response, attempt, sent, overheadBefore, notes);
        } finally {
            cancellation.closed();
        }
    }

    /**
     * The request as the deployment gets it: the client's own bytes with the model edited in when it speaks the
     * client's dialect and they are at hand (nothing decoded or re-encoded), else the prepared tree serialised.
     */
    private static byte[] upstreamBody(CallRequest request, Target target, ObjectNode translated) {
        DialectUpstream provider = target.dialect().upstream();
        String model = target.deployment().upstreamModel();
        if (translated == request.body() && request.bodyAsSent().isPresent()) {
            Optional<byte[]> edited = provider.aim(translated, model)
                    .flatMap(edit -> edit.applyTo(request.bodyAsSent().get()));
            if (edited.isPresent()) {
                return edited.get();
            }
        }
        return Json.bytes(provider.prepare(translated, model));
    }

    /** Counts a request's input tokens at {@code target} (see {@link CallLoop#countTokens}). */
    TokenCountOutcome count(CallRequest request, Target target) {
        DialectUpstream provider = target.dialect().upstream();
        Optional<java.net.URI> endpoint = provider.countEndpoint(target.endpoint());
        if (endpoint.isEmpty() || request.context().ingress().kind() != target.dialect().kind()) {
            long characters = TokenEstimate.characters(request.body());
            return new TokenCountOutcome.Estimated(target.deployment().id(), Usage.estimateTokens(characters),
                    "estimate: about 4 characters a token of the request's text (" + characters + " characters); "
                            + target.deployment().id() + " speaks " + target.dialect().id()
                            + ", which has no token-count endpoint");
        }
        byte[] body = Json.bytes(provider.prepare(request.body(), target.deployment().upstreamModel()));
        Cancellation cancellation = new Cancellation();
        UpstreamClient.Sent response = upstream.send(endpoint.get(), headers -> {
            headers.put(HttpHeader.ACCEPT, "application/json");
            provider.authorize(headers, target.apiKey());
            request.clientHeaders().forEach(headers::put);
        }, body, timeouts, cancellation);
        try {
            return switch (response) {
                case UpstreamClient.Unanswered unanswered -> new TokenCountOutcome.Failed(
                        new Failure.Upstream(unanswered.errorClass(), 0, unanswered.message()));
                case UpstreamClient.Opened opened when opened.status() / 100 != 2 -> {
                    byte[] error = readQuietly(opened.body(), MAX_ERROR_BODY);
                    yield new TokenCountOutcome.Failed(new Failure.Upstream(ErrorClass.ofStatus(opened.status()),
                            opened.status(), redactor.redact(provider.errorMessage(error))));
                }
                case UpstreamClient.Opened opened -> {
                    byte[] raw = readQuietly(opened.body(), MAX_ERROR_BODY);
                    JsonNode json = Json.parseOrNull(raw);
                    yield json != null && json.path("input_tokens").isIntegralNumber()
                            ? new TokenCountOutcome.Exact(target.deployment().id(), raw)
                            : new TokenCountOutcome.Failed(new Failure.Upstream(ErrorClass.BAD_RESPONSE, opened.status(),
                            "the upstream's token count is not {\"input_tokens\": N}"));
                }
            };
        } finally {
            cancellation.closed();
        }
    }

    private Result answer(CallRequest request, Target target, String reason, ClientChannel client, Waits waits,
                          UpstreamClient.Sent response, Attempt.Builder attempt, long sent, long overheadBefore,
                          List<String> notes) {
        DialectUpstream provider = target.dialect().upstream();
        return switch (response) {
            case UpstreamClient.Unanswered unanswered when request.cancellation().reason().isPresent() -> {
                waits.add(System.nanoTime() - sent);
                yield cancelled(request, attempt, 0, Usage.NONE, false, client);
            }
            case UpstreamClient.Unanswered unanswered -> {
                waits.add(System.nanoTime() - sent);
                yield failed(attempt.failed(0, unanswered.errorClass(), Usage.NONE),
                        new Failure.Upstream(unanswered.errorClass(), 0, unanswered.message()), Optional.empty());
            }
            case UpstreamClient.Opened opened when opened.status() / 100 != 2 -> {
                byte[] error = readQuietly(opened.body(), MAX_ERROR_BODY);
                opened.abort().run();
                waits.add(System.nanoTime() - sent);
                ErrorClass errorClass = ErrorClass.ofStatus(opened.status());
                Optional<Duration> retryAfter = Backoff.retryAfter(opened.headers().get("retry-after-ms"),
                        opened.headers().get(HttpHeader.RETRY_AFTER), clock.instant());
                Optional<Boolean> shouldRetry = Optional.ofNullable(opened.headers().get("x-should-retry"))
                        .map(value -> value.strip().toLowerCase(java.util.Locale.ROOT))
                        .filter(value -> value.equals("true") || value.equals("false")).map(Boolean::valueOf);
                yield failed(attempt.failed(opened.status(), errorClass, Usage.NONE),
                        new Failure.Upstream(errorClass, opened.status(), redactor.redact(provider.errorMessage(error)),
                                shouldRetry), retryAfter);
            }
            case UpstreamClient.Opened opened -> request.stream()
                    ? stream(request, target, reason, opened, attempt, client, overheadBefore, waits, notes)
                    : complete(request, target, reason, opened, attempt, client, waits, notes);
        };
    }

    private Result complete(CallRequest request, Target target, String reason, UpstreamClient.Opened opened,
                            Attempt.Builder attempt, ClientChannel client, Waits waits, List<String> notes) {
        DialectUpstream provider = target.dialect().upstream();
        byte[] raw;
        try (InputStream in = opened.body()) {
            raw = BoundedRead.read(in, opened.headers().getLongField(HttpHeader.CONTENT_LENGTH), MAX_BODY);
            if (raw == null) {
                throw new IOException("upstream body larger than " + MAX_BODY + " bytes");
            }
        } catch (IOException e) {
            waits.add(attempt.elapsed());
            if (request.cancellation().reason().isPresent()) {
                return cancelled(request, attempt, opened.status(), Usage.NONE, false, client);
            }
            return failed(attempt.failed(opened.status(), ErrorClass.IO, Usage.NONE),
                    new Failure.Upstream(ErrorClass.IO, opened.status(), "upstream body broke off"), Optional.empty());
        }
        waits.add(attempt.elapsed());
        WireDialect ingress = request.context().ingress();
        boolean relayed = ingress.kind() == target.dialect().kind();
        // relayed as it came and no span reads it: only the usage is needed from the answer
        JsonNode json = relayed && !provider.usageFields().isEmpty() && RequestTrace.current() == RequestTrace.None.INSTANCE
                ? Json.parseFields(raw, provider.usageFields()) : Json.parseOrNull(raw);
        if (json == null || !json.isObject()) {
            return failed(attempt.failed(opened.status(), ErrorClass.BAD_RESPONSE, Usage.NONE),
                    new Failure.Upstream(ErrorClass.BAD_RESPONSE, opened.status(), "upstream answered with a body that "
                            + "is not a JSON object"), Optional.empty());
        }
        RequestTrace.current().answered(target.dialect().kind(), json);
        Usage usage = provider.usage(json).orElseGet(() -> Usage.estimated(Usage.estimateTokens(request.promptCharacters()),
                Usage.estimateTokens(raw.length)));
        Attempt done = attempt.succeeded(opened.status(), usage);
        sink.record(done);
        byte[] answer = relayed ? raw
                : Json.bytes(Translation.response(target.dialect(), ingress, json, clock.instant().getEpochSecond()));
        long overhead = System.nanoTime() - request.receivedNanos() - waits.nanos;
        boolean delivered = client.respond(new ClientChannel.ServedBy(target.deployment().id(), reason, overhead, notes),
                answer);
        return new Result.Done(done, delivered ? CallOutcome.Answered::new : CallOutcome.ClientGone::new);
    }

    private Result stream(CallRequest request, Target target, String reason, UpstreamClient.Opened opened,
                          Attempt.Builder attempt, ClientChannel client, long overhead, Waits waits,
                          List<String> notes) {
        StreamTracker tracker = target.dialect().upstream().tracker();
        StreamTranslator translator = Translation.stream(target.dialect(), request.context().ingress(),
                request.clientWantsUsage(), clock.instant().getEpochSecond());
        ClientChannel.ServedBy servedBy = new ClientChannel.ServedBy(target.deployment().id(), reason, overhead, notes);
        SseReader reader = new SseReader(opened.body());
        boolean started = false;
        Attempt done = null;
        try {
            for (SseEvent event = reader.next(); event != null; event = reader.next()) {
                attempt.firstToken();
                RequestTrace.current().streamed(target.dialect().kind(), event.json());
                tracker.accept(event);
                if (tracker.error().isPresent()) {
                    break;
                }
                if (tracker.complete() && done == null) {
                    done = attempt.succeeded(opened.status(), tracker.usage(request.promptCharacters()));
                    sink.record(done);
                }
                for (SseEvent out : translator.translate(event)) {
                    if (!client.send(servedBy, out)) {
                        return clientGone(opened, attempt, done, tracker, request);
                    }
                    started = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the upstream broke off (or sent what cannot be read); a cut unless its final event already arrived
        }
        if (tracker.complete()) {
            if (done == null) {
                done = attempt.succeeded(opened.status(), tracker.usage(request.promptCharacters()));
                sink.record(done);
            }
            for (SseEvent out : translator.finish()) {
                if (!client.send(servedBy, out)) {
                    return new Result.Done(done, CallOutcome.ClientGone::new);
                }
            }
            client.endStream();
            waits.add(attempt.elapsed());
            return new Result.Done(done, CallOutcome.Answered::new);
        }
        opened.abort().run();
        waits.add(attempt.elapsed());
        if (request.cancellation().reason().isPresent()) {
            return cancelled(request, attempt, opened.status(), tracker.usage(request.promptCharacters()), started,
                    client);
        }
        String message = tracker.error().map(m -> "upstream reported an error mid-stream: " + redactor.redact(m))
                .orElse("upstream stream ended before its final event");
        Attempt cut = attempt.failed(opened.status(), ErrorClass.STREAM_CUT, tracker.usage(request.promptCharacters()));
        Failure.Upstream failure = new Failure.Upstream(ErrorClass.STREAM_CUT, 502, message);
        if (!started) {
            return failed(cut, failure, Optional.empty());
        }
        sink.record(cut);
        client.breakStream(failure);
        return new Result.Done(cut, attempts -> new CallOutcome.Broken(failure, attempts));
    }

    private Result clientGone(UpstreamClient.Opened opened, Attempt.Builder attempt, Attempt done,
                              StreamTracker tracker, CallRequest request) {
        opened.abort().run();
        if (done != null) {
            return new Result.Done(done, CallOutcome.ClientGone::new);
        }
        Attempt cancelled = attempt.failed(opened.status(), ErrorClass.CLIENT_CANCELLED,
                tracker.usage(request.promptCharacters()));
        sink.record(cancelled);
        return new Result.Done(cancelled, CallOutcome.ClientGone::new);
    }

    /**
     * The call was stopped from outside: the attempt is recorded (what was used so far is billed), and a
     * shutdown ends a started stream with an error event, or lets the edge answer 503; a client that is gone gets
     * nothing more.
     */
    private Result cancelled(CallRequest request, Attempt.Builder attempt, int status, Usage usage, boolean started,
                             ClientChannel client) {
        Cancellation.Reason why = request.cancellation().reason().orElseThrow();
        return switch (why) {
            case CLIENT_GONE -> {
                Attempt gone = attempt.failed(status, ErrorClass.CLIENT_CANCELLED, usage);
                sink.record(gone);
                yield new Result.Done(gone, CallOutcome.ClientGone::new);
            }
            case SHUTDOWN -> {
                Attempt stopped = attempt.failed(status, ErrorClass.SHUTDOWN, usage);
                sink.record(stopped);
                Failure failure = new Failure.ShuttingDown();
                if (started) {
                    client.breakStream(failure);
                    yield new Result.Done(stopped, attempts -> new CallOutcome.Broken(failure, attempts));
                }
                yield new Result.Done(stopped, attempts -> new CallOutcome.Failed(failure, attempts));
            }
        };
    }

    private Result.Failed failed(Attempt attempt, Failure.Upstream failure, Optional<Duration> retryAfter) {
        sink.record(attempt);
        return new Result.Failed(attempt, failure, retryAfter);
    }

    private static byte[] readQuietly(InputStream in, int limit) {
        try (in) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
