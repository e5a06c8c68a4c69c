/**
 * Egress: one sub-package per wire dialect, each with the same files ({@code XProvider}, {@code XWire}, {@code
 * XMapping}). {@link dev.gapwise.gateway.provider.Provider} is the narrow seam between the call loop and a
 * dialect; everything here is stateless and thread-safe except the per-stream {@link
 * dev.gapwise.gateway.provider.StreamTracker}.
 */
package dev.gapwise.gateway.provider;
