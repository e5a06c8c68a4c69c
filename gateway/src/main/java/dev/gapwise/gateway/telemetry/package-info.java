/**
 * OpenTelemetry spans for the gateway's requests. Each chat request is a server span named after the OpenTelemetry
 * GenAI semantic conventions ({@code gen_ai.*}, {@code server.*}, {@code error.type}) with Gapwise's own facts under
 * {@code gapwise.*} (tier and who set it, route reason, cost, baseline cost, fallbacks, key id); each upstream
 * attempt is a client span below it, so retries and fallbacks are visible, and its {@code traceparent} goes to the
 * upstream. An incoming W3C {@code traceparent} becomes the request span's parent.
 *
 * <p>How it hooks in: {@link dev.gapwise.gateway.telemetry.Telemetry} is made once at start from the {@code
 * telemetry:} configuration; off (the default) is a constant that creates no OpenTelemetry object and no thread.
 * On, the ingress begins a {@link dev.gapwise.gateway.telemetry.RequestTrace} per request and binds it to the
 * request's thread in a {@link java.lang.ScopedValue}; the attempt runner and the attempt fan-out report to
 * {@link dev.gapwise.gateway.telemetry.RequestTrace#current()}, which is a no-op constant when nothing is bound.
 * Prompts and completions are recorded only when {@code capture_content} is on, redacted of credentials.
 */
package dev.gapwise.gateway.telemetry;
