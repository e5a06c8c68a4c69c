package dev.gapwise.routing.classify;

import dev.gapwise.routing.data.Split;

/**
 * One prompt of the classifier corpus with both labels.
 *
 * @param id         stable key (decides the split and the chat-style rewrite)
 * @param text       the prompt
 * @param source     the dataset: mmlu, mmlu-pro, gsm8k, mt-bench, arena-hard, banking77, clinc150
 * @param group      the source's own category: MMLU subject, MMLU-Pro category, MT-Bench category, Arena-Hard
 *                   label, CLINC150 domain, Banking77 intent
 * @param slice      what it is for reporting: legal, medical, financial, banking77, clinc150, other
 * @param risk       risk class: legal, medical, financial or routine
 * @param complexity complexity class: low, medium or high
 * @param split      train, validation or test
 */
public record LabeledPrompt(String id, String text, String source, String group, String slice, String risk,
                            String complexity, Split split) {

    /** Real users' requests to a chat assistant (Arena-Hard, MT-Bench), as opposed to exam questions or intents. */
    public boolean isUserTask() {
        return source.equals("arena-hard") || source.equals("mt-bench");
    }

    /** CLINC150's small-talk domain: greetings, thanks, goodbyes, jokes, "are you a bot". */
    public boolean isSmallTalk() {
        return source.equals("clinc150") && group.equals("small_talk");
    }
}
