package dev.gapwise.gateway.telemetry;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.dialect.DialectKind;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.RequestContext;
import dev.gapwise.gateway.dialect.neutral.Usage;
import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.price.Pricing;
import dev.gapwise.gateway.route.RoutePlan;
import dev.gapwise.gateway.text.Redactor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One request's spans: a server span for the request and a client span per upstream attempt below it. The request
 * span sums what its attempts used and cost (its cost is unknown, and left out, when any attempt's is), names the
 * deployment that answered and counts retries and fallbacks. Confined to the request's thread.
 */
final class SpanTrace implements RequestTrace {
    private static final String OPERATION = "chat";
    /** Captured content longer than this is cut (and says so): spans are not a transcript store. */
    private static final int MAX_CONTENT_CHARS = 32 * 1024;

    private final Tracer tracer;
    private final Span request;
    private final Context requestContext;
    private final DialectKind ingress;
    private final Optional<Redactor> capture;
    private final long startNanos = System.nanoTime();
    private final Map<Integer, Span> attemptSpans = new HashMap<>(2);
    private final Map<Integer, Answer> answers = new HashMap<>(2);
    private Conversation.Parameters parameters = new Conversation.Parameters(java.util.OptionalLong.empty(),
            java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty());
    private int current;
    private boolean firstToken;

    private int attempts;
    private int fallbacks;
    private String lastDeployment;
    private PricedAttempt served;
    private long inputTokens;
    private long outputTokens;
    private long cacheRead;
    private long cacheCreation;
    private long reasoning;
    private boolean estimated;
    private long costNanos;
    private boolean costKnown = true;
    private long baselineNanos;
    private Optional<Deployment> baseline = Optional.empty();

    SpanTrace(Tracer tracer, Context parent, String requestId, String endpoint, DialectKind ingress,
              Optional<Redactor> capture) {
        this.tracer = tracer;
        this.ingress = ingress;
        this.capture = capture;
        this.request = tracer.spanBuilder(OPERATION).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(Keys.OPERATION, OPERATION)
                .setAttribute(Keys.REQUEST_ID, requestId)
                .setAttribute(Keys.HTTP_METHOD, "POST")
                .setAttribute(Keys.URL_PATH, endpoint)
                .startSpan();
        this.requestContext = parent.with(request);
    }

    @Override
    public void received(JsonNode body, boolean stream) {
        String model = body.path("model").asString("");
        request.updateName(OPERATION + " " + model);
        request.setAttribute(Keys.REQUEST_MODEL, model);
        request.setAttribute(Keys.STREAM, stream);
        parameters = Conversation.parameters(body);
        parameters(request);
        capture.ifPresent(redactor -> {
            Conversation.systemInstructions(ingress, body)
                    .ifPresent(text -> request.setAttribute(Keys.SYSTEM_INSTRUCTIONS, content(redactor, text)));
            request.setAttribute(Keys.INPUT_MESSAGES, content(redactor, Conversation.inputMessages(ingress, body)));
        });
    }

    @Override
    public void routed(RequestContext context, RoutePlan.Route route) {
        request.setAttribute(Keys.TIER, route.tier());
        route.tierSource().ifPresent(source -> request.setAttribute(Keys.TIER_SOURCE,
                source.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        request.setAttribute(Keys.ROUTE_DECISION, route.decision());
        context.keyId().ifPresent(key -> request.setAttribute(Keys.KEY_ID, key));
        context.team().ifPresent(team -> request.setAttribute(Keys.TEAM, team));
    }

    @Override
    public void sending(int number, Deployment deployment, URI endpoint, BiConsumer<String, String> headers) {
        Span attempt = tracer.spanBuilder(OPERATION + " " + deployment.upstreamModel()).setParent(requestContext)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(Keys.OPERATION, OPERATION)
                .setAttribute(Keys.PROVIDER, providerName(deployment))
                .setAttribute(Keys.REQUEST_MODEL, deployment.upstreamModel())
                .setAttribute(Keys.DEPLOYMENT, deployment.id())
                .setAttribute(Keys.ATTEMPT_NUMBER, (long) number)
                .startSpan();
        if (endpoint.getHost() != null) {
            attempt.setAttribute(Keys.SERVER_ADDRESS, endpoint.getHost());
            attempt.setAttribute(Keys.SERVER_PORT, (long) port(endpoint));
        }
        parameters(attempt);
        attemptSpans.put(number, attempt);
        answers.put(number, new Answer(capture.isPresent()));
        current = number;
        W3CTraceContextPropagator.getInstance().inject(requestContext.with(attempt), headers,
                (carrier, name, value) -> carrier.accept(name, value));
    }

    @Override
    public void answered(DialectKind upstream, JsonNode answer) {
        Answer current = answers.get(this.current);
        if (current != null) {
            current.complete(upstream, answer);
        }
    }

    @Override
    public void streamed(DialectKind upstream, JsonNode event) {
        Answer current = answers.get(this.current);
        if (current == null) {
            return;
        }
        if (!firstToken) {
            firstToken = true;
            request.addEvent(Keys.FIRST_TOKEN_EVENT);
            request.setAttribute(Keys.TIME_TO_FIRST_TOKEN, (System.nanoTime() - startNanos) / 1e9);
        }
        current.event(upstream, event);
    }

    @Override
    public void attempted(PricedAttempt priced) {
        Attempt attempt = priced.attempt();
        Span span = attemptSpans.remove(attempt.number());
        if (span == null) {
            return;
        }
        span.setAttribute(Keys.ROUTE_REASON, attempt.reason());
        if (attempt.status() > 0) {
            span.setAttribute(Keys.HTTP_STATUS, (long) attempt.status());
        }
        usage(span, attempt.usage());
        cost(span, priced.costNanoUsd().isPresent(), priced.costOrZero(), priced.baseline(), priced.baselineNanoUsd());
        if (attempt.firstTokenNanos() >= 0) {
            span.addEvent(Keys.FIRST_TOKEN_EVENT, attempt.startedAt().plusNanos(attempt.firstTokenNanos()));
            span.setAttribute(Keys.TIME_TO_FIRST_TOKEN, attempt.firstTokenNanos() / 1e9);
        }
        Answer answer = answers.remove(attempt.number());
        if (answer != null) {
            answer(span, answer);
        }
        attempt.error().ifPresentOrElse(error -> {
            span.setAttribute(Keys.ERROR_TYPE, error.name().toLowerCase(Locale.ROOT));
            span.setStatus(StatusCode.ERROR, error.name().toLowerCase(Locale.ROOT)
                    + (attempt.status() > 0 ? " (HTTP " + attempt.status() + ")" : ""));
        }, () -> served = priced);
        span.end();
        total(priced, answer);
    }

    private void total(PricedAttempt priced, Answer answer) {
        Attempt attempt = priced.attempt();
        attempts++;
        if (lastDeployment != null && !lastDeployment.equals(attempt.deployment().id())) {
            fallbacks++;
        }
        lastDeployment = attempt.deployment().id();
        Usage usage = attempt.usage();
        inputTokens += usage.promptTokens();
        outputTokens += usage.outputTokens();
        cacheRead += usage.cacheReadTokens();
        cacheCreation += usage.cacheWriteTokens() + usage.cacheWrite1hTokens();
        reasoning += usage.reasoningTokens();
        estimated |= usage.estimated();
        costKnown &= priced.costNanoUsd().isPresent();
        costNanos = saturatedAdd(costNanos, priced.costOrZero());
        baselineNanos = saturatedAdd(baselineNanos, priced.baselineNanoUsd());
        baseline = baseline.or(priced::baseline);
        if (attempt.error().isEmpty() && answer != null) {
            answer(request, answer);
        }
    }

    @Override
    public void finished(int status, String outcome) {
        attemptSpans.values().forEach(Span::end);
        attemptSpans.clear();
        request.setAttribute(Keys.HTTP_STATUS, (long) status);
        request.setAttribute(Keys.OUTCOME, outcome);
        if (attempts > 0) {
            request.setAttribute(Keys.ATTEMPT_COUNT, (long) attempts);
            request.setAttribute(Keys.FALLBACK_COUNT, (long) fallbacks);
            request.setAttribute(Keys.RETRY_COUNT, (long) (attempts - 1 - fallbacks));
            request.setAttribute(Keys.INPUT_TOKENS, inputTokens);
            request.setAttribute(Keys.OUTPUT_TOKENS, outputTokens);
            request.setAttribute(Keys.CACHE_READ_TOKENS, cacheRead);
            request.setAttribute(Keys.CACHE_CREATION_TOKENS, cacheCreation);
            request.setAttribute(Keys.REASONING_TOKENS, reasoning);
            request.setAttribute(Keys.USAGE_ESTIMATED, estimated);
            cost(request, costKnown, costNanos, baseline, baselineNanos);
        }
        if (served != null) {
            Attempt attempt = served.attempt();
            request.setAttribute(Keys.PROVIDER, providerName(attempt.deployment()));
            request.setAttribute(Keys.DEPLOYMENT, attempt.deployment().id());
            request.setAttribute(Keys.ROUTE_REASON, attempt.reason());
        }
        if (!outcome.equals("ok")) {
            request.setAttribute(Keys.ERROR_TYPE, outcome);
            if (status >= 500 || outcome.equals("stream_broken")) {
                request.setStatus(StatusCode.ERROR, outcome);
            }
        }
        request.end();
    }

    private void parameters(Span span) {
        parameters.maxTokens().ifPresent(max -> span.setAttribute(Keys.MAX_TOKENS, max));
        parameters.temperature().ifPresent(t -> span.setAttribute(Keys.TEMPERATURE, t));
        parameters.topP().ifPresent(p -> span.setAttribute(Keys.TOP_P, p));
    }

    private void answer(Span span, Answer answer) {
        answer.model().ifPresent(model -> span.setAttribute(Keys.RESPONSE_MODEL, model));
        answer.id().ifPresent(id -> span.setAttribute(Keys.RESPONSE_ID, id));
        if (!answer.finishReasons().isEmpty()) {
            span.setAttribute(Keys.FINISH_REASONS, answer.finishReasons());
        }
        capture.ifPresent(redactor -> answer.outputMessages()
                .ifPresent(text -> span.setAttribute(Keys.OUTPUT_MESSAGES, content(redactor, text))));
    }

    private static void usage(Span span, Usage usage) {
        span.setAttribute(Keys.INPUT_TOKENS, usage.promptTokens());
        span.setAttribute(Keys.OUTPUT_TOKENS, usage.outputTokens());
        span.setAttribute(Keys.CACHE_READ_TOKENS, usage.cacheReadTokens());
        span.setAttribute(Keys.CACHE_CREATION_TOKENS, usage.cacheWriteTokens() + usage.cacheWrite1hTokens());
        span.setAttribute(Keys.REASONING_TOKENS, usage.reasoningTokens());
        span.setAttribute(Keys.USAGE_ESTIMATED, usage.estimated());
    }

    /** The cost when known (never a made-up 0 when not), whether it is known, and the baseline's cost. */
    private static void cost(Span span, boolean known, long nanos, Optional<Deployment> baseline, long baselineNanos) {
        span.setAttribute(Keys.COST_PRICED, known);
        if (known) {
            span.setAttribute(Keys.COST_USD, Pricing.usd(nanos).doubleValue());
        }
        baseline.ifPresent(deployment -> {
            span.setAttribute(Keys.BASELINE_DEPLOYMENT, deployment.id());
            span.setAttribute(Keys.BASELINE_COST_USD, Pricing.usd(baselineNanos).doubleValue());
        });
    }

    private static String content(Redactor redactor, String text) {
        String clean = redactor.redact(text);
        return clean.length() <= MAX_CONTENT_CHARS ? clean
                : clean.substring(0, MAX_CONTENT_CHARS) + "…[cut at " + MAX_CONTENT_CHARS + " characters]";
    }

    /**
     * The conventions' provider name: their well-known value where the provider is one of theirs, else the provider
     * as configured (an OpenAI-compatible host the conventions do not list).
     */
    static String providerName(Deployment deployment) {
        String provider = deployment.provider().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "xai" -> "x_ai";
            case "mistral" -> "mistral_ai";
            case "gemini", "google" -> "gcp.gemini";
            case "bedrock" -> "aws.bedrock";
            default -> provider;
        };
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
