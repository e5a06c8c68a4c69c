package dev.gapwise.gateway.call;

/**
 * Where attempts go as they finish. {@link #record} must make the attempt durable (or durably queued) before it
 * returns: the call loop calls it before the response's final byte.
 */
@FunctionalInterface
public interface AttemptSink {
    void record(Attempt attempt);
}
