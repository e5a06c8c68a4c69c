/**
 * Gapwise's LLM gateway: an OpenAI- and Anthropic-compatible HTTP server that routes each request to a
 * deployment, calls it through one retry/fallback loop, and writes every attempt to the cost ledger. {@link
 * dev.gapwise.gateway.Gateway} wires the packages by constructor; there is no container and no static mutable
 * state.
 */
package dev.gapwise.gateway;
