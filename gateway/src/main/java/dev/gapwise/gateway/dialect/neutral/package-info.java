/**
 * What every dialect shares, with no dialect of its own: the neutral request ({@link
 * dev.gapwise.gateway.dialect.neutral.Chat}), answer ({@link dev.gapwise.gateway.dialect.neutral.Reply}), content
 * parts ({@link dev.gapwise.gateway.dialect.neutral.Part}) and stream events ({@link
 * dev.gapwise.gateway.dialect.neutral.StreamEvent}) that translation goes through; billed token counts ({@link
 * dev.gapwise.gateway.dialect.neutral.Usage}); server-sent events; and the JSON helpers. Depends on nothing else in
 * the gateway. Records are immutable; {@link dev.gapwise.gateway.dialect.neutral.SseReader} is per stream.
 */
package dev.gapwise.gateway.dialect.neutral;
