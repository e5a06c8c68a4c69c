package dev.gapwise.gateway.call;

import dev.gapwise.gateway.dialect.neutral.SseEvent;

/** The client's side of one call, implemented by the HTTP edge. Used by one thread at a time. */
public interface ClientChannel {
    /** Sends a complete JSON response (200); false when the client is gone. */
    boolean respond(ServedBy servedBy, byte[] json);

    /** Sends one stream event, committing the 200 event-stream response first if needed; false when the client is gone. */
    boolean send(ServedBy servedBy, SseEvent event);

    /** The rate limits the request was counted against, for the answer's headers (the last call wins). */
    default void rateLimits(RateLimitStatus status) {
    }

    /** Ends a stream cleanly. */
    void endStream();

    /** Ends a started stream with an error event in the client's dialect and without a clean end. */
    void breakStream(Failure failure);

    /**
     * Which deployment answers, for the response headers.
     *
     * @param deploymentId  the deployment
     * @param reason        the routing reason
     * @param overheadNanos time spent in the gateway so far, upstream waiting excluded
     * @param notes         what translation dropped or approximated (empty when none)
     */
    record ServedBy(String deploymentId, String reason, long overheadNanos, java.util.List<String> notes) {
        public ServedBy {
            notes = java.util.List.copyOf(notes);
        }

        public ServedBy(String deploymentId, String reason, long overheadNanos) {
            this(deploymentId, reason, overheadNanos, java.util.List.of());
        }
    }
}
