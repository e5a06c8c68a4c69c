package dev.gapwise.routing.classify;

import dev.gapwise.routing.data.Split;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrainingExamplesTest {
    /** 4 prompts per high-stakes class; routine: 12 intents, 2 small-talk lines, 2 user tasks, all in train. */
    private static final List<LabeledPrompt> CORPUS = corpus();

    @Test
    void everyClassWeighsTheSameBesidesTheBareWrappers() {
        List<LinearTrainer.Example> examples = TrainingExamples.risk(CORPUS);
        int prompts = CORPUS.size() * 2;
        double[] totals = new double[4];
        for (LinearTrainer.Example example : examples.subList(0, prompts)) {
            totals[example.label()] += example.weight();
        }
        for (double total : totals) {
            assertThat(total).isCloseTo(totals[0], within(1e-9));
        }
    }

    @Test
    void smallTalkAndUserTasksGetTheirShareOfTheRoutineWeight() {
        List<LinearTrainer.Example> examples = TrainingExamples.risk(CORPUS);
        double routine = 0;
        double smallTalk = 0;
        double tasks = 0;
        for (int i = 0; i < CORPUS.size(); i++) {
            LabeledPrompt prompt = CORPUS.get(i);
            double weight = examples.get(2 * i).weight() + examples.get(2 * i + 1).weight();
            if (prompt.risk().equals("routine")) {
                routine += weight;
                smallTalk += prompt.isSmallTalk() ? weight : 0;
                tasks += prompt.isUserTask() ? weight : 0;
            }
        }
        assertThat(smallTalk / routine).isCloseTo(TrainingExamples.SMALL_TALK, within(1e-9));
        assertThat(tasks / routine).isCloseTo(TrainingExamples.USER_TASKS, within(1e-9));
    }

    @Test
    void bareChatWrappersAreRoutineExamples() {
        List<LinearTrainer.Example> examples = TrainingExamples.risk(CORPUS);
        List<LinearTrainer.Example> wrappers = examples.subList(CORPUS.size() * 2, examples.size());
        assertThat(wrappers).hasSize(ChatStyle.wrappers().size());
        assertThat(wrappers).allSatisfy(example -> assertThat(example.label()).isEqualTo(3));
        assertThat(ChatStyle.wrappers()).contains("hi!", "hey quick question:", "thx").doesNotContain("");
    }

    private static List<LabeledPrompt> corpus() {
        List<LabeledPrompt> corpus = new ArrayList<>();
        for (String risk : List.of("legal", "medical", "financial")) {
            for (int i = 0; i < 4; i++) {
                corpus.add(prompt(risk + i, "mmlu", "", risk, "a question about " + risk + " number " + i));
            }
        }
        for (int i = 0; i < 12; i++) {
            corpus.add(prompt("intent" + i, "banking77", "card_arrival", "routine", "where is my card " + i));
        }
        corpus.add(prompt("st1", "clinc150", "small_talk", "routine", "hello there"));
        corpus.add(prompt("st2", "clinc150", "small_talk", "routine", "thanks a lot"));
        corpus.add(prompt("task1", "arena-hard", "coding", "routine", "write a parser in rust"));
        corpus.add(prompt("task2", "mt-bench", "writing", "routine", "write a travel blog post"));
        return corpus;
    }

    private static LabeledPrompt prompt(String id, String source, String group, String risk, String text) {
        return new LabeledPrompt(id, text, source, group, risk.equals("routine") ? source : risk, risk, "low",
                Split.TRAIN);
    }
}
