package dev.gapwise.gateway.telemetry;

import io.opentelemetry.api.common.AttributeKey;

import java.util.List;

/**
 * Span attribute names: the OpenTelemetry GenAI semantic conventions' ({@code gen_ai.*}, with the cache and
 * reasoning token attributes as they were added in 2026), the general ones ({@code server.*}, {@code error.type},
 * HTTP), and Gapwise's own under {@code gapwise.*}.
 */
final class Keys {
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
    static final AttributeKey<Double> TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
    static final AttributeKey<Double> TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    /** All input tokens, cached ones included, as the conventions ask. */
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<Long> CACHE_READ_TOKENS = AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens");
    static final AttributeKey<Long> CACHE_CREATION_TOKENS =
            AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens");
    static final AttributeKey<Long> REASONING_TOKENS = AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens");
    static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");

    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("gapwise.request.id");
    static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("gapwise.request.stream");
    static final AttributeKey<String> TIER = AttributeKey.stringKey("gapwise.tier");
    static final AttributeKey<String> TIER_SOURCE = AttributeKey.stringKey("gapwise.tier.source");
    static final AttributeKey<String> ROUTE_REASON = AttributeKey.stringKey("gapwise.route.reason");
    static final AttributeKey<String> ROUTE_DECISION = AttributeKey.stringKey("gapwise.route.decision");
    static final AttributeKey<String> KEY_ID = AttributeKey.stringKey("gapwise.key.id");
    static final AttributeKey<String> TEAM = AttributeKey.stringKey("gapwise.team");
    static final AttributeKey<String> DEPLOYMENT = AttributeKey.stringKey("gapwise.deployment");
    static final AttributeKey<Long> ATTEMPT_NUMBER = AttributeKey.longKey("gapwise.attempt.number");
    static final AttributeKey<Long> ATTEMPT_COUNT = AttributeKey.longKey("gapwise.attempt.count");
    static final AttributeKey<Long> FALLBACK_COUNT = AttributeKey.longKey("gapwise.fallback.count");
    static final AttributeKey<Long> RETRY_COUNT = AttributeKey.longKey("gapwise.retry.count");
    /** Absent, never 0, when the cost is unknown; {@link #COST_PRICED} says which. */
    static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("gapwise.cost.usd");
    static final AttributeKey<Boolean> COST_PRICED = AttributeKey.booleanKey("gapwise.cost.priced");
    static final AttributeKey<Double> BASELINE_COST_USD = AttributeKey.doubleKey("gapwise.baseline.cost.usd");
    static final AttributeKey<String> BASELINE_DEPLOYMENT = AttributeKey.stringKey("gapwise.baseline.deployment");
    static final AttributeKey<Boolean> USAGE_ESTIMATED = AttributeKey.booleanKey("gapwise.usage.estimated");
    static final AttributeKey<Double> TIME_TO_FIRST_TOKEN = AttributeKey.doubleKey("gapwise.time_to_first_token_s");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("gapwise.outcome");

    /** The span event at the first streamed upstream event. */
    static final String FIRST_TOKEN_EVENT = "gen_ai.first_token";

    private Keys() {
    }
}
