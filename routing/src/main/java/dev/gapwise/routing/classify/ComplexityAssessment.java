package dev.gapwise.routing.classify;

import dev.gapwise.routing.Complexity;

/**
 * The complexity classifier's verdict.
 *
 * @param complexity the final level (text model, then raised by request shape)
 * @param fromText   the text model's level alone
 * @param confidence the text model's probability of its level
 * @param reason     why, in words, e.g. "text: high (0.91)" or "raised to medium: 4 turns"
 */
public record ComplexityAssessment(Complexity complexity, Complexity fromText, double confidence, String reason) {
}
