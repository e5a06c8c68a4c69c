/**
 * Translation between the OpenAI Chat Completions and Anthropic Messages dialects, both ways: requests,
 * complete responses and streams (tool calls included), so an OpenAI client can be served by Claude and an
 * Anthropic client by DeepSeek. Request and response functions are pure; a {@link
 * dev.gapwise.gateway.translate.StreamTranslator} holds the state of one stream and is not thread-safe.
 */
package dev.gapwise.gateway.translate;
