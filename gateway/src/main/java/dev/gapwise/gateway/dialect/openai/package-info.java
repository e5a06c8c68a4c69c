/**
 * The OpenAI Chat Completions dialect ({@code POST /v1/chat/completions}, data-only stream chunks ending in {@code
 * [DONE]}), both as an ingress and as an upstream. It is spoken by OpenAI and every OpenAI-compatible host
 * (DeepSeek, Qwen on DashScope, Moonshot, Zhipu, Together, Groq, Fireworks, OpenRouter, vLLM, Ollama): those hosts
 * are rows of data in {@link dev.gapwise.gateway.config.KnownProviders}, not classes. See {@link
 * dev.gapwise.gateway.dialect} for the files every dialect package has.
 */
package dev.gapwise.gateway.dialect.openai;
