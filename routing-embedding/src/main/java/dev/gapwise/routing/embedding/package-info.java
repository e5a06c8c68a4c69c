/**
 * The risk gate's second opinion: an in-process sentence-embedding model (bge-small-en-v1.5, quantised ONNX, its
 * weights in a Maven Central artifact — nothing is downloaded at run time) with a small trained head. The router
 * asks it only when the fast hashed-n-gram model is unsure; it then combines both models' probabilities with
 * weights fitted on validation data. {@link dev.gapwise.routing.embedding.SentenceEncoder} turns text into
 * vectors, {@link dev.gapwise.routing.embedding.DenseHead} is the trained head and its decision parameters, and
 * {@link dev.gapwise.routing.embedding.EmbeddingSecondOpinion} is what the router calls. Everything here is
 * immutable and thread-safe once built.
 */
package dev.gapwise.routing.embedding;
