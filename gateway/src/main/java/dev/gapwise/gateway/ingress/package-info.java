/**
 * The HTTP edge on Jetty core handlers (no servlet layer), run on virtual threads: {@code POST
 * /v1/chat/completions} (OpenAI dialect), {@code POST /v1/messages} (Anthropic dialect), {@code GET
 * /v1/models}, {@code /healthz}, {@code /readyz} and {@code /metrics} (the last three behind an {@link
 * dev.gapwise.gateway.ingress.EndpointGuard} once keys are in use). Request bodies are read with a size limit, a
 * total deadline and a share of the in-flight memory budget, weighed and parsed within JSON limits, and validated
 * here; a client that hangs up cancels its call; {@link dev.gapwise.gateway.ingress.ErrorResponses} holds the one
 * exhaustive {@code switch} that turns a {@link dev.gapwise.gateway.call.Failure} into a status and an error body in
 * the caller's dialect, also for Jetty's own refusals. Responses are built from scratch, so no hop-by-hop header
 * crosses the gateway either way.
 */
package dev.gapwise.gateway.ingress;
