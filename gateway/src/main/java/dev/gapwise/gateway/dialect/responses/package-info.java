/**
 * The OpenAI Responses API ({@code POST /v1/responses}, as Codex and the newer OpenAI SDKs speak it) served by any
 * upstream. {@link dev.gapwise.gateway.dialect.responses.ResponsesWire} holds the wire records, {@code
 * ResponsesParser} reads and checks a request (a bad one is a 400 naming the field, in the OpenAI error shape the
 * Responses API shares), {@code ResponsesMapping} turns a request (with the stored turns its {@code
 * previous_response_id} points to) into a Chat Completions request and a chat answer into a response object,
 * {@code ResponsesStream} re-encodes a chat stream as the exact Responses events, {@code ResponsesChannel} sits
 * between the call loop and the HTTP edge, and {@code ResponseStore} keeps stored responses per key in the
 * ledger's database. Upstreams are reached through the chat path (an Anthropic upstream through the existing
 * chat-to-messages translation); native pass-through to Responses-capable providers is not built yet.
 */
package dev.gapwise.gateway.dialect.responses;
