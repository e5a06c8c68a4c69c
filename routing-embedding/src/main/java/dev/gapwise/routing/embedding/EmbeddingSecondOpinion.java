package dev.gapwise.routing.embedding;

import dev.gapwise.routing.classify.RequestText;
import dev.gapwise.routing.classify.SecondOpinion;

import java.util.Locale;

/**
 * The second opinion the router asks when the fast model is unsure: the request's sentence embedding through the
 * {@link DenseHead} gives P_e(high-stakes); the verdict's probability is σ(a·logit P_fast + b·logit P_e + c), with
 * a, b and c fitted by logistic regression on validation data, compared with a threshold fitted there for recall.
 * The head file also carries the unsure band of the fast probability. Immutable and thread-safe.
 */
public final class EmbeddingSecondOpinion implements SecondOpinion {
    /** Resource name of the bundled head. */
    public static final String RESOURCE = "risk-embedding.head";
    /** Parameter names stored in the head. */
    public static final String FAST_WEIGHT = "combine.fast";
    public static final String EMBEDDING_WEIGHT = "combine.embedding";
    public static final String BIAS = "combine.bias";
    public static final String THRESHOLD = "threshold";
    public static final String BAND_LOW = "band.low";
    public static final String BAND_HIGH = "band.high";

    private final SentenceEncoder encoder;
    private final DenseHead head;
    private final InferencePool pool;
    private final int routine;
    private final double fastWeight;
    private final double embeddingWeight;
    private final double bias;
    private final double threshold;
    private final double bandLow;
    private final double bandHigh;

    public EmbeddingSecondOpinion(SentenceEncoder encoder, DenseHead head) {
        this(encoder, head, InferencePool.standard());
    }

    EmbeddingSecondOpinion(SentenceEncoder encoder, DenseHead head, InferencePool pool) {
        this.encoder = encoder;
        this.head = head;
        this.pool = pool;
        this.routine = head.labels().indexOf("routine");
        if (routine < 0) {
            throw new IllegalArgumentException("an embedding risk head needs a 'routine' class, has " + head.labels());
        }
        this.fastWeight = head.parameter(FAST_WEIGHT);
        this.embeddingWeight = head.parameter(EMBEDDING_WEIGHT);
        this.bias = head.parameter(BIAS);
        this.threshold = head.parameter(THRESHOLD);
        this.bandLow = head.parameter(BAND_LOW);
        this.bandHigh = head.parameter(BAND_HIGH);
    }

    /** The encoder and head shipped in the jars (loading takes a second or two; do it once). */
    public static EmbeddingSecondOpinion bundled() {
        return new EmbeddingSecondOpinion(SentenceEncoder.bundled(), DenseHead.resource(RESOURCE));
    }

    @Override
    public Verdict assess(RequestText text, double fastProbability) {
        java.util.Optional<float[]> vector = pool.run(encoder::encode, SentenceEncoder.input(text));
        if (vector.isEmpty()) {
            return new Verdict(1, "unknown", threshold, "second opinion unavailable (its inference pool is full or too "
                    + "slow): escalated, since a missed high-stakes request is the worse error");
        }
        double[] p = head.probabilities(vector.get());
        double embedding = 1 - p[routine];
        int best = -1;
        for (int k = 0; k < p.length; k++) {
            if (k != routine && (best < 0 || p[k] > p[best])) {
                best = k;
            }
        }
        return new Verdict(combine(fastProbability, embedding), head.labels().get(best), threshold);
    }

    /** The combined probability from the fast model's and the head's P(high-stakes). */
    public double combine(double fast, double embedding) {
        double z = fastWeight * logit(fast) + embeddingWeight * logit(embedding) + bias;
        return 1 / (1 + Math.exp(-z));
    }

    /** The head's P(high-stakes) alone (for reports). */
    public double embeddingProbability(RequestText text) {
        return 1 - head.probabilities(encoder.encode(text))[routine];
    }

    static double logit(double p) {
        double clamped = Math.clamp(p, 1e-6, 1 - 1e-6);
        return Math.log(clamped / (1 - clamped));
    }

    @Override
    public double bandLow() {
        return bandLow;
    }

    @Override
    public double bandHigh() {
        return bandHigh;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s + trained head", SentenceEncoder.MODEL);
    }

    public DenseHead head() {
        return head;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }
}
