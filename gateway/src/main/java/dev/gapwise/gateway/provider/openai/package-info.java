/**
 * The OpenAI Chat Completions dialect, spoken by OpenAI and every OpenAI-compatible host (DeepSeek, Qwen on
 * DashScope, Moonshot, Zhipu, Together, Groq, Fireworks, OpenRouter, vLLM, Ollama): those hosts are rows of
 * data in {@link dev.gapwise.gateway.config.KnownProviders}, not classes.
 */
package dev.gapwise.gateway.provider.openai;
