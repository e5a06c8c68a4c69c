/**
 * The one place an upstream is called: {@link dev.gapwise.gateway.call.CallLoop} tries the route's candidates in
 * order, retrying a deployment only before the first byte has reached the client and only for errors that may
 * pass (connect errors, 408, 429, 5xx, 529), honouring {@code Retry-After} with jittered backoff, then falling
 * back to the next candidate. Before each try an {@link dev.gapwise.gateway.call.AttemptGate} reserves its worst case
 * against budgets and takes it from rate limits, or stops it. It records one {@link dev.gapwise.gateway.call.Attempt}
 * per try, through one {@link dev.gapwise.gateway.call.AttemptSink}. Expected failures
 * are {@link dev.gapwise.gateway.call.Failure} values; the HTTP edge turns them into responses.
 */
package dev.gapwise.gateway.call;
