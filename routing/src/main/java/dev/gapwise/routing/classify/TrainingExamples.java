package dev.gapwise.routing.classify;

import dev.gapwise.routing.data.Split;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The weighted training examples of the risk and complexity models. Every train prompt appears twice, as written
 * and rewritten by {@link ChatStyle}; every class weighs the same in total (class balance); and inside one class
 * some groups get a fixed share of the class's weight instead of their share of its count:
 * <ul>
 *   <li>risk, routine: real users' tasks (Arena-Hard, MT-Bench) 20 %, CLINC150 small talk 20 %; the other routine
 *       prompts share the rest. On top, every bare {@link ChatStyle#wrappers() wrapper} ("hi!", "hey quick
 *       question:", "thx") is a routine example, once, the wrappers together weighing 5 % of the class's weight in
 *       one style.</li>
 *   <li>complexity, medium: creative writing 10 %.</li>
 * </ul>
 *
 * <p>Why. With four balanced classes, three of them high-stakes, the risk model's prior is 75 % high-stakes, and
 * the chat-style augmentation puts the same greetings and thanks around legal, medical and routine prompts alike,
 * so the model learns them as carrying no evidence. A request made only of such words ("Say hello", "hi!",
 * "thanks") then scored the prior, far above the threshold. The bare wrappers say that the wrapper alone is
 * routine. Small talk (about 1 % of the routine prompts) and the few hundred real users' tasks (drowned among
 * 20,000 intents and exam questions) are the routine data closest to what a chat gateway sees. Likewise about 270
 * creative-writing prompts would be lost among 20,000 medium exam questions. The shares were chosen on the
 * validation split (docs/routing-eval.md). Stateless.
 */
final class TrainingExamples {
    static final double USER_TASKS = 0.20;
    static final double SMALL_TALK = 0.20;
    static final double WRAPPERS = 0.05;
    static final double CREATIVE_WRITING = 0.10;

    /** A group of one class that gets {@code share} of that class's weight. */
    private record Share(Predicate<LabeledPrompt> members, double share) {
    }

    private TrainingExamples() {
    }

    static List<LinearTrainer.Example> risk(List<LabeledPrompt> corpus) {
        List<String> labels = ClassifierTraining.RISK_LABELS;
        List<LinearTrainer.Example> examples = balanced(corpus, LabeledPrompt::risk, labels, "routine",
                List.of(new Share(LabeledPrompt::isUserTask, USER_TASKS),
                        new Share(LabeledPrompt::isSmallTalk, SMALL_TALK)));
        List<String> wrappers = ChatStyle.wrappers();
        double weight = classWeight(corpus, labels) * WRAPPERS / wrappers.size();
        for (String wrapper : wrappers) {
            examples.add(new LinearTrainer.Example(TextFeatures.of(wrapper), labels.indexOf("routine"), weight));
        }
        return examples;
    }

    static List<LinearTrainer.Example> complexity(List<LabeledPrompt> corpus) {
        return balanced(corpus, LabeledPrompt::complexity, ClassifierTraining.COMPLEXITY_LABELS, "medium",
                List.of(new Share(p -> TrainingCorpus.CREATIVE.contains(p.group()) && p.isUserTask(),
                        CREATIVE_WRITING)));
    }

    /** Train-split examples, as written and chat-style, each class weighing the same, {@code shares} inside one. */
    private static List<LinearTrainer.Example> balanced(List<LabeledPrompt> corpus,
                                                        Function<LabeledPrompt, String> label, List<String> labels,
                                                        String sharedClass, List<Share> shares) {
        List<LabeledPrompt> train = train(corpus);
        int shared = labels.indexOf(sharedClass);
        long[] counts = new long[labels.size()];
        long[] shareCounts = new long[shares.size()];
        long rest = 0;
        for (LabeledPrompt prompt : train) {
            int k = labels.indexOf(label.apply(prompt));
            counts[k]++;
            if (k == shared) {
                int s = shareOf(prompt, shares);
                if (s < 0) {
                    rest++;
                } else {
                    shareCounts[s]++;
                }
            }
        }
        double restShare = 1 - shares.stream().mapToDouble(Share::share).sum();
        double classWeight = classWeight(corpus, labels);
        List<LinearTrainer.Example> examples = new ArrayList<>(train.size() * 2 + 64);
        for (LabeledPrompt prompt : train) {
            int k = labels.indexOf(label.apply(prompt));
            double weight = classWeight / counts[k];
            if (k == shared) {
                int s = shareOf(prompt, shares);
                weight = s < 0 ? classWeight * restShare / rest : classWeight * shares.get(s).share() / shareCounts[s];
            }
            examples.add(new LinearTrainer.Example(TextFeatures.of(prompt.text()), k, weight));
            examples.add(new LinearTrainer.Example(TextFeatures.of(ClassifierTraining.chat(prompt)), k, weight));
        }
        return examples;
    }

    /** The weight of each class in one style: the train prompts split evenly over the classes. */
    private static double classWeight(List<LabeledPrompt> corpus, List<String> labels) {
        return (double) train(corpus).size() / labels.size();
    }

    private static int shareOf(LabeledPrompt prompt, List<Share> shares) {
        for (int s = 0; s < shares.size(); s++) {
            if (shares.get(s).members().test(prompt)) {
                return s;
            }
        }
        return -1;
    }

    private static List<LabeledPrompt> train(List<LabeledPrompt> corpus) {
        return corpus.stream().filter(p -> p.split() == Split.TRAIN).toList();
    }
}
