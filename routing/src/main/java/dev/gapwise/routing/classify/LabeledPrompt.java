package dev.gapwise.routing.classify;

import dev.gapwise.routing.data.Split;

/**
 * One prompt of the classifier corpus with both labels.
 *
 * @param id         stable key (decides the split and the chat-style rewrite)
 * @param text       the prompt
 * @param slice      what it is for reporting: legal, medical, financial, banking77, clinc150, other
 * @param risk       risk class: legal, medical, financial or routine
 * @param complexity complexity class: low, medium or high
 * @param split      train, validation or test
 */
public record LabeledPrompt(String id, String text, String slice, String risk, String complexity, Split split) {
}
