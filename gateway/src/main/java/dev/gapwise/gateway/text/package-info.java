/**
 * Text that crosses a trust boundary: {@link dev.gapwise.gateway.text.CleanText} makes client- and
 * upstream-supplied text storable (no NUL or control characters, bounded length) where it is produced, {@link
 * dev.gapwise.gateway.text.Redactor} removes credentials from upstream error text before it reaches a client or a
 * log, and {@link dev.gapwise.gateway.text.LogValue} quotes log fields so that no value can start a log line of its
 * own. Everything here is pure and thread-safe.
 */
package dev.gapwise.gateway.text;
