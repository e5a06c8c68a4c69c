package dev.gapwise.gateway.call;

import java.util.Objects;

/** What a token-count request ({@code POST /v1/messages/count_tokens}) led to. */
public sealed interface TokenCountOutcome {
    /**
     * The upstream counted: its answer, as it sent it.
     *
     * @param deploymentId the deployment whose endpoint counted
     * @param body         the upstream's JSON answer ({@code {"input_tokens":N}})
     */
    record Exact(String deploymentId, byte[] body) implements TokenCountOutcome {
        public Exact {
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * The deployment that would serve the request has no token-count endpoint: an estimate.
     *
     * @param deploymentId the deployment that would serve
     * @param inputTokens  the estimate
     * @param method       how it was estimated, for the answer's header
     */
    record Estimated(String deploymentId, long inputTokens, String method) implements TokenCountOutcome {
        public Estimated {
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(method, "method");
        }
    }

    /** Nothing could be counted; the edge writes the error. */
    record Failed(Failure failure) implements TokenCountOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
