package dev.gapwise.gateway.call;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The tightest request and token limits a request was counted against, for the {@code
 * x-ratelimit-{limit,remaining,reset}-{requests,tokens}} headers of its answer (successes and throttles alike).
 *
 * @param requests the request limit with the fewest left, if any applied
 * @param tokens   the token limit with the fewest left, if any applied
 */
public record RateLimitStatus(Optional<Quota> requests, Optional<Quota> tokens) {
    public static final RateLimitStatus NONE = new RateLimitStatus(Optional.empty(), Optional.empty());

    public RateLimitStatus {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * One limit's level.
     *
     * @param limit     how many per period
     * @param remaining how many fit now
     * @param reset     until the limit is whole again
     */
    public record Quota(long limit, long remaining, Duration reset) {
        public Quota {
            Objects.requireNonNull(reset, "reset");
        }
    }

    public boolean isEmpty() {
        return requests.isEmpty() && tokens.isEmpty();
    }
}
