/**
 * The Google Gemini API dialect ({@code generateContent} / {@code streamGenerateContent}), both directions: clients
 * such as the Google GenAI SDKs and the Gemini CLI call {@code /v1beta/models/{model}:generateContent} (or the same
 * under {@code /v1/models/…}), and Gemini deployments of the catalog are called at Google's endpoint with their
 * prices. The model and the action live in the URL, not the body: the ingress copies them into the body it checks
 * as {@code model} and {@code stream} (Gemini's own request has a {@code model} field too), and the upstream takes
 * them out again and writes them into the URL. Streams are {@code ?alt=sse}: each event a whole
 * {@code GenerateContentResponse} chunk, the last with {@code finishReason} and {@code usageMetadata}, no
 * terminator. Files as in every dialect package: {@code GeminiWire}, {@code GeminiIngress}, {@code GeminiMapping},
 * {@code GeminiStream}, {@code GeminiUpstream}, {@code GeminiDialect}.
 */
package dev.gapwise.gateway.dialect.gemini;
