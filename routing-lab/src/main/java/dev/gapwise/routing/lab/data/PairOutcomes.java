package dev.gapwise.routing.lab.data;

import java.util.List;

/**
 * A strong model and a weak (cheaper) model on the same prompts, as parallel arrays for fast metrics.
 * Instances are immutable: the arrays are never handed out, only read through accessors.
 */
public final class PairOutcomes {
    private final String name;
    private final List<OutcomeRow> rows;
    private final double[] strong;
    private final double[] weak;
    private final double[] strongCost;
    private final double[] weakCost;
    private final long[] tieBreak;

    private PairOutcomes(String name, List<OutcomeRow> rows, double[] strong, double[] weak, double[] strongCost,
                         double[] weakCost) {
        this.name = name;
        this.rows = List.copyOf(rows);
        this.strong = strong;
        this.weak = weak;
        this.strongCost = strongCost;
        this.weakCost = weakCost;
        this.tieBreak = rows.stream().mapToLong(r -> Split.hash32(r.id())).toArray();
    }

    static PairOutcomes of(String name, List<OutcomeRow> rows, int strongIndex, int weakIndex) {
        int n = rows.size();
        double[] s = new double[n];
        double[] w = new double[n];
        double[] sc = new double[n];
        double[] wc = new double[n];
        for (int i = 0; i < n; i++) {
            OutcomeRow row = rows.get(i);
            s[i] = row.score(strongIndex);
            w[i] = row.score(weakIndex);
            sc[i] = row.cost(strongIndex);
            wc[i] = row.cost(weakIndex);
        }
        return new PairOutcomes(name, rows, s, w, sc, wc);
    }

    /** Builds a pair directly from arrays (for tests and for the generic shape). */
    public static PairOutcomes of(String name, List<OutcomeRow> rows, double[] strong, double[] weak) {
        double[] nan = new double[rows.size()];
        java.util.Arrays.fill(nan, Double.NaN);
        return new PairOutcomes(name, rows, strong.clone(), weak.clone(), nan, nan.clone());
    }

    public String name() {
        return name;
    }

    public int size() {
        return rows.size();
    }

    public List<OutcomeRow> rows() {
        return rows;
    }

    public OutcomeRow row(int index) {
        return rows.get(index);
    }

    public double strong(int index) {
        return strong[index];
    }

    public double weak(int index) {
        return weak[index];
    }

    public double strongCost(int index) {
        return strongCost[index];
    }

    public double weakCost(int index) {
        return weakCost[index];
    }

    /** A stable per-row tie-breaker (the SHA-256 prefix of the id). */
    public long tieBreak(int index) {
        return tieBreak[index];
    }

    /** Mean score of the strong model. */
    public double strongQuality() {
        return mean(strong);
    }

    /** Mean score of the weak model. */
    public double weakQuality() {
        return mean(weak);
    }

    /** The rows at these indices, as a new pair (indices may repeat). */
    public PairOutcomes subset(int[] indices) {
        List<OutcomeRow> picked = new java.util.ArrayList<>(indices.length);
        double[] s = new double[indices.length];
        double[] w = new double[indices.length];
        double[] sc = new double[indices.length];
        double[] wc = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            picked.add(rows.get(i));
            s[k] = strong[i];
            w[k] = weak[i];
            sc[k] = strongCost[i];
            wc[k] = weakCost[i];
        }
        return new PairOutcomes(name, picked, s, w, sc, wc);
    }

    /** The rows that pass a filter. */
    public PairOutcomes filter(java.util.function.Predicate<OutcomeRow> keep) {
        return subset(java.util.stream.IntStream.range(0, size()).filter(i -> keep.test(rows.get(i))).toArray());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
