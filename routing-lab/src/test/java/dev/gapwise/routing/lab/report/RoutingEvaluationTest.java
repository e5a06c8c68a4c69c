package dev.gapwise.routing.lab.report;

import dev.gapwise.routing.lab.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI run of the protocol: a reduced sample, every section present. The full run is in docs/routing-eval.md. */
class RoutingEvaluationTest {

    @Test
    void reducedSampleRunWritesEverySectionOfTheProtocol() {
        EvalReport report = RoutingEvaluation.run(new EvalOptions(SharedData.routing(),
                Optional.of(SharedData.routingChat()), 600, 1000, Optional.empty(), "", "",
                "gapwise eval routing --sample 600"), line -> { });
        assertThat(report.markdown())
                .contains("## 1. Realistic traffic", "High-stakes requests: recall", "Routine work: escalation",
                        "Complexity against difficulty labels", "Cost of a mixed workload", "Spearman",
                        "recall, legal + medical exam questions", "flagged, Banking77 + CLINC150",
                        "### RouteLLM MMLU", "### RouteLLM GSM8K", "### MT-Bench", "### MMLU-Pro",
                        "Paired bootstrap (1000 resamples", "false-cheap rate", "Leave one domain out",
                        "model-pair transfer", "AIQ", "Decision latency", "## 7. Targets", "random (expected)",
                        "category prior", "oracle")
                .doesNotContain("NaN");
        assertThat(report.charts()).containsKeys("routing-eval-mmlu.svg", "routing-eval-mmlu.png");
        assertThat(new String(report.charts().get("routing-eval-mmlu.svg"))).startsWith("<?xml");
    }

    /** Regression (issue 7): --sample 50, 150, 200, 250 and 300 crashed with a NullPointerException (no router). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {50, 150})
    void smallSamplesDoNotCrash(int sample) {
        EvalReport report = RoutingEvaluation.run(new EvalOptions(SharedData.routing(), Optional.empty(), sample, 200,
                Optional.empty(), "", "", "gapwise eval routing --sample " + sample), line -> { });
        assertThat(report.markdown()).contains("## 7. Targets").contains("Realistic traffic");
    }

    @Test
    void aUsersOutcomeFileInTheGenericShapeIsEvaluated() throws Exception {
        Path file = Files.createTempFile("outcomes", ".csv");
        StringBuilder csv = new StringBuilder("id,prompt,group,big__score,big__cost,small__score,small__cost\n");
        for (int i = 0; i < 400; i++) {
            boolean hard = i % 3 == 0;
            csv.append("q").append(i).append(",\"").append(hard ? "prove the theorem about primes number " : "say hi ")
                    .append(i).append("\",").append(hard ? "math" : "chat").append(",1,0.01,")
                    .append(hard ? (i % 2) : 1).append(",0.001\n");
        }
        Files.writeString(file, csv);
        EvalReport report = RoutingEvaluation.run(new EvalOptions(Path.of("."), Optional.empty(), 0, 200,
                Optional.of(file), "", "",
                "gapwise eval routing --outcomes outcomes.csv"), line -> { });
        assertThat(report.markdown()).contains("big vs small").contains("category prior").contains("APGR");
    }
}
