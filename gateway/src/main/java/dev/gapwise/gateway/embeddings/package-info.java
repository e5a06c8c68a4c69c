/**
 * {@code POST /v1/embeddings}: the OpenAI embeddings wire ({@link dev.gapwise.gateway.embeddings.EmbeddingsWire}),
 * its pure checks and re-encodings ({@link dev.gapwise.gateway.embeddings.EmbeddingsMapping}: a client that asks for
 * {@code base64} gets little-endian float32 packed from an upstream that answered with floats, and the other way
 * round), the upstream side ({@link dev.gapwise.gateway.embeddings.EmbeddingsUpstream}, OpenAI-compatible hosts and
 * Google's OpenAI-compatible Gemini endpoint), the bundled embedding catalog with prices, the embedding deployments
 * this gateway can call ({@link dev.gapwise.gateway.embeddings.EmbeddingFleet}) and the policy's tiers applied to
 * them ({@link dev.gapwise.gateway.embeddings.EmbeddingPlanner}). Calls go through the same call loop, budgets and
 * ledger as chat calls: one row per attempt, priced at the embedding deployment's input rate.
 */
package dev.gapwise.gateway.embeddings;
