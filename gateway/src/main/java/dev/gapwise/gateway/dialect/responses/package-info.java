/**
 * The OpenAI Responses API ({@code POST /v1/responses}, as Codex and the newer OpenAI SDKs speak it) served by any
 * upstream. {@link dev.gapwise.gateway.dialect.responses.ResponsesWire} holds the wire records, {@code
 * ResponsesIngress} reads and checks a request (a bad one is a 400 naming the field, in the OpenAI error shape the
 * Responses API shares), {@code ResponsesMapping} turns a request (with the stored turns its {@code
 * previous_response_id} points to) into a Chat Completions request, {@code ResponsesObjects} a chat answer into a
 * response object, {@code ResponsesStream} re-encodes a chat stream as the exact Responses events, {@code ResponsesChannel} sits
 * between the call loop and the HTTP edge, and {@code ResponseStore} keeps stored responses per key in the
 * ledger's database.
 *
 * <p>Why this is not a {@link dev.gapwise.gateway.dialect.WireDialect} of its own yet: a Responses answer echoes
 * its request (instructions, tools, {@code previous_response_id}), turns calls of custom tools into {@code
 * custom_tool_call} items and is stored under the caller's key, and the dialect layer's reply and stream
 * encoders see only the neutral reply. So the turn rides the OpenAI dialect's chat path (the call loop, routing,
 * budgets and ledger unchanged; other upstream dialects through the usual translation) and {@code
 * ResponsesChannel} keeps the request beside the answer. Native pass-through to Responses-capable providers (no
 * {@code ResponsesUpstream} yet) would make it a full dialect.
 */
package dev.gapwise.gateway.dialect.responses;
