package dev.gapwise.routing.lab.corpus;

import dev.gapwise.routing.lab.SharedData;
import dev.gapwise.routing.lab.data.Split;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus keeps its promises: licences decide what may train, and nothing is tested on what trained. */
class CorpusTest {
    private static Corpus corpus;

    @BeforeAll
    static void assemble() {
        corpus = Corpus.assemble(SharedData.routing(), SharedData.routingChat());
    }

    @Test
    void noTextIsOnTwoSidesOfTheSplit() {
        Map<Split, Set<String>> keys = corpus.rows().stream().collect(Collectors.groupingBy(CorpusRow::split,
                Collectors.mapping(Corpus::key, Collectors.toSet())));
        Set<String> train = new HashSet<>(keys.getOrDefault(Split.TRAIN, Set.of()));
        train.retainAll(keys.getOrDefault(Split.TEST, Set.of()));
        assertThat(train).as("texts in both train and test").isEmpty();
        Set<String> validation = new HashSet<>(keys.getOrDefault(Split.VALIDATION, Set.of()));
        validation.retainAll(keys.getOrDefault(Split.TEST, Set.of()));
        assertThat(validation).as("texts in both validation and test").isEmpty();
    }

    @Test
    void onlyLicencedRowsMayTrain() {
        Set<String> trainable = corpus.rows().stream().filter(r -> r.use() == Use.TRAIN).map(CorpusRow::source)
                .collect(Collectors.toSet());
        assertThat(trainable).doesNotContain("legal-layperson", "fiqa", "reddit-pf", "autoj", "selfinstruct-user",
                "instructionwild", "alpacaeval", "flask", "wizardlm");
        assertThat(corpus.where(r -> r.source().equals("medical-consumer") && r.use() == Use.TRAIN))
                .allSatisfy(r -> assertThat(r.group()).doesNotContain("HealthTap").doesNotContain("medications"));
        assertThat(corpus.where(r -> r.use() == Use.EVALUATION_ONLY)).allSatisfy(r ->
                assertThat(r.split()).isEqualTo(Split.TEST));
    }

    @Test
    void theWrittenRequestsAreLabelledAndMarkedAsWrittenHere() {
        List<CorpusRow> written = WrittenExamples.read();
        assertThat(written).hasSizeGreaterThan(3000);
        assertThat(written).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("written");
            assertThat(r.use()).isEqualTo(Use.TRAIN);
            assertThat(r.stakes()).isNotEqualTo(Stakes.UNLABELLED);
            assertThat(r.complexity()).isPresent();
        });
        assertThat(written.stream().map(CorpusRow::id).distinct().count()).isEqualTo(written.size());
        assertThat(written.stream().filter(r -> r.stakes() == Stakes.ROUTINE && r.domain() != Domain.OTHER).count())
                .as("routine work that mentions medical, legal or financial matters").isGreaterThan(500);
    }
}
