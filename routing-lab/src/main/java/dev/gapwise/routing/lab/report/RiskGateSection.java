package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.RiskClassifier;
import dev.gapwise.routing.lab.corpus.ChatStyle;
import dev.gapwise.routing.lab.corpus.Corpus;
import dev.gapwise.routing.lab.corpus.CorpusRow;
import dev.gapwise.routing.lab.corpus.Domain;
import dev.gapwise.routing.lab.corpus.Stakes;
import dev.gapwise.routing.lab.corpus.Task;
import dev.gapwise.routing.lab.data.Split;
import dev.gapwise.routing.lab.eval.Proportion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The first wave's risk-gate numbers, kept as a second table: recall on the exam questions (MMLU, MMLU-Pro legal,
 * medical and financial subjects) as written and chat-style, and escalation of Banking77 and CLINC150 intents, on
 * their test splits.
 */
final class RiskGateSection {
    /** The two numbers the old targets are about. */
    record Result(Proportion legalMedicalRecall, Proportion intentEscalation) {
    }

    private RiskGateSection() {
    }

    /** With {@code sample} > 0, at most a quarter of it per slice (a hash sample): the shipped gate's second opinion
     * costs milliseconds a request. */
    static Result write(Markdown out, Corpus corpus, RiskClassifier risk, int sample) {
        out.heading(3, "Exam questions and intents (the first wave's measure)");
        out.paragraph("The same risk gate on the test split of `shared/data/routing`: MMLU and MMLU-Pro questions in "
                + "legal, medical and financial subjects (high-stakes by subject), and Banking77 and CLINC150 "
                + "intents (money-related or everyday requests that are routine). \"Chat-style\" rewrites each question "
                + "as a user might type it (stem only, often lower case, a wrapper, typos). 95 % Wilson intervals.");
        Map<String, Predicate<CorpusRow>> high = new LinkedHashMap<>();
        high.put("legal exam questions", exam(Domain.LEGAL));
        high.put("medical exam questions", exam(Domain.MEDICAL));
        high.put("financial exam questions", exam(Domain.FINANCIAL));
        high.put("legal + medical exam questions", exam(Domain.LEGAL).or(exam(Domain.MEDICAL)));
        List<List<String>> rows = new ArrayList<>();
        Proportion target = null;
        for (Map.Entry<String, Predicate<CorpusRow>> slice : high.entrySet()) {
            Proportion written = rate(risk, corpus, slice.getValue(), false, sample);
            target = written;
            rows.add(List.of("recall, " + slice.getKey(), written.toString(),
                    rate(risk, corpus, slice.getValue(), true, sample).toString()));
        }
        Map<String, Predicate<CorpusRow>> routine = new LinkedHashMap<>();
        routine.put("Banking77", r -> r.source().equals("banking77"));
        routine.put("CLINC150", r -> r.source().equals("clinc150"));
        routine.put("Banking77 + CLINC150", r -> r.source().equals("banking77") || r.source().equals("clinc150"));
        routine.put("CLINC150 small talk", r -> r.task() == Task.SMALL_TALK && r.source().equals("clinc150"));
        routine.put("other exam subjects (MMLU, MMLU-Pro, GSM8K)", r -> r.task() == Task.EXAM
                && r.stakes() == Stakes.ROUTINE);
        Proportion intents = null;
        for (Map.Entry<String, Predicate<CorpusRow>> slice : routine.entrySet()) {
            Proportion escalated = rate(risk, corpus, slice.getValue(), false, sample);
            if (slice.getKey().equals("Banking77 + CLINC150")) {
                intents = escalated;
            }
            rows.add(List.of("flagged, " + slice.getKey(), escalated.toString(), "—"));
        }
        out.table(List.of("measure (test split)", "as written", "chat-style"), rows);
        return new Result(target, intents);
    }

    private static Predicate<CorpusRow> exam(Domain domain) {
        return r -> r.task() == Task.EXAM && r.stakes() == Stakes.HIGH && r.domain() == domain;
    }

    private static Proportion rate(RiskClassifier risk, Corpus corpus, Predicate<CorpusRow> slice, boolean chat,
                                   int sample) {
        long hits = 0;
        long total = 0;
        List<CorpusRow> rows = corpus.trainable(Split.TEST).stream().filter(slice)
                .sorted(java.util.Comparator.comparingLong(r -> Split.hash32("gate:" + r.id())))
                .limit(sample > 0 ? Math.max(10, sample / 4) : Long.MAX_VALUE).toList();
        for (CorpusRow row : rows) {
            total++;
            String text = chat ? ChatStyle.rewrite(row.text(), Split.hash32("chat:" + row.id())) : row.text();
            hits += risk.assess(RequestText.of(text)).highStakes() ? 1 : 0;
        }
        return new Proportion(hits, total);
    }
}
