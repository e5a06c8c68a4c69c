package dev.gapwise.routing.bench;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.SecondOpinion;
import dev.gapwise.routing.embedding.EmbeddingSecondOpinion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Latency of the risk gate's second opinion (bge-small-en-v1.5 quantised ONNX + head), asked only when the fast
 * path is unsure: a short question (~60 chars), a medium one (~300 chars) and a long post cut to the encoder's
 * 600-character input. Sample-time mode: JMH reports p50, p99, p99.9. One thread, as a request sees it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SecondOpinionBenchmark {
    @Param({"short", "medium", "long"})
    public String size;

    private SecondOpinion opinion;
    private RequestText text;

    @Setup(Level.Trial)
    public void setUp() {
        String prompt = switch (size) {
            case "short" -> "is it safe to take ibuprofen with my blood pressure pills?";
            case "medium" -> "My landlord says I owe him $1,800 for carpet cleaning and repainting after I moved out. "
                    + "I lived there four years, the carpet was old when I moved in, and he never did a move-in "
                    + "inspection. He is keeping my whole deposit. Can he do that in Oregon, and what should I send "
                    + "him before small claims?";
            default -> ("I'm 34, I have $48k in student loans at 6.8%, $12k in a 401k, no emergency fund, and I just "
                    + "got a raise to $92k. My employer matches 4%. Should I throw everything at the loans, max the "
                    + "match, or build savings first? I also might buy a house in two years. ").repeat(4);
        };
        opinion = EmbeddingSecondOpinion.bundled();
        text = RequestText.of(prompt);
    }

    @Benchmark
    public SecondOpinion.Verdict secondOpinion() {
        return opinion.assess(text, 0.3);
    }
}
