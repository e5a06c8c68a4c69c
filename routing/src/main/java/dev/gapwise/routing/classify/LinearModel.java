package dev.gapwise.routing.classify;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic model over {@link TextFeatures}: per class a bias and one weight per bucket, laid out
 * bucket-major so one feature's weights for every class share a cache line. Carries named decision parameters
 * (thresholds fitted on validation data) and a short provenance note.
 *
 * <p>File format (gzip): magic {@code GWLM}, version 1, the labels, the parameters, the note, the biases, then the
 * weights quantised to 16 bits with one scale. Writing is deterministic: the same model gives the same bytes.
 * Immutable and thread-safe.
 */
public final class LinearModel {
    private static final int MAGIC = 0x47574C4D;
    private static final int VERSION = 1;

    private final List<String> labels;
    private final float[] bias;
    private final float[] weights;
    private final Map<String, Double> parameters;
    private final String note;

    /** A model from its parts (the trainer's output); {@code weights} is bucket-major, one per bucket and class. */
    public static LinearModel of(List<String> labels, float[] bias, float[] weights, Map<String, Double> parameters,
                                 String note) {
        return new LinearModel(labels, bias.clone(), weights, parameters, note);
    }

    private LinearModel(List<String> labels, float[] bias, float[] weights, Map<String, Double> parameters, String note) {
        this.labels = List.copyOf(labels);
        this.bias = bias;
        this.weights = weights;
        this.parameters = Map.copyOf(parameters);
        this.note = note;
        if (weights.length != TextFeatures.DIMENSION * labels.size()) {
            throw new IllegalArgumentException("weights do not match " + labels.size() + " classes");
        }
    }

    public List<String> labels() {
        return labels;
    }

    /** A decision parameter stored with the model, e.g. a threshold. */
    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("model has no parameter '" + name + "'; retrain with gapwise train");
        }
        return value;
    }

    public Map<String, Double> parameters() {
        return parameters;
    }

    /** Where the model came from (data, split, date-free so that files are reproducible). */
    public String note() {
        return note;
    }

    /** The same model with other parameters. */
    public LinearModel withParameters(Map<String, Double> more) {
        Map<String, Double> merged = new java.util.TreeMap<>(parameters);
        merged.putAll(more);
        return new LinearModel(labels, bias, weights, merged, note);
    }

    /** Class probabilities (softmax of the scores), in label order. */
    public double[] probabilities(SparseVector x) {
        int classes = labels.size();
        double[] scores = new double[classes];
        for (int k = 0; k < classes; k++) {
            scores[k] = bias[k];
        }
        accumulate(weights, classes, x, scores);
        return softmax(scores, 0, classes);
    }

    /** scores[k] += Σ_j weights[index_j · width + k] · value_j: the one dot product every scorer shares. */
    public static void accumulate(float[] weights, int width, SparseVector x, double[] scores) {
        int[] indices = x.indices();
        float[] values = x.values();
        for (int j = 0; j < x.size(); j++) {
            int base = indices[j] * width;
            float value = values[j];
            for (int k = 0; k < width; k++) {
                scores[k] += weights[base + k] * value;
            }
        }
    }

    /** Softmax of scores[from, from + count) as a new array. */
    public static double[] softmax(double[] scores, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            max = Math.max(max, scores[from + k]);
        }
        double[] p = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++) {
            p[k] = Math.exp(scores[from + k] - max);
            sum += p[k];
        }
        for (int k = 0; k < count; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Σ over {@code buckets} of (weight of class {@code toward} − weight of class {@code from}) × value. */
    public double contribution(int[] buckets, float value, int toward, int from) {
        int classes = labels.size();
        double sum = 0;
        for (int bucket : buckets) {
            sum += (weights[bucket * classes + toward] - weights[bucket * classes + from]) * value;
        }
        return sum;
    }

    float bias(int k) {
        return bias[k];
    }

    float weight(int bucket, int k) {
        return weights[bucket * labels.size() + k];
    }

    /** The model as bytes in the file format above. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeInt(parameters.size());
            for (Map.Entry<String, Double> entry : new java.util.TreeMap<>(parameters).entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeDouble(entry.getValue());
            }
            out.writeUTF(note);
            for (float b : bias) {
                out.writeFloat(b);
            }
            float max = 1e-12f;
            for (float w : weights) {
                max = Math.max(max, Math.abs(w));
            }
            float scale = max / Short.MAX_VALUE;
            out.writeFloat(scale);
            for (float w : weights) {
                out.writeShort(Math.round(w / scale));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a model written by {@link #toBytes()}; {@code name} is for messages. */
    public static LinearModel read(String name, InputStream in) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IllegalStateException(name + " is not a Gapwise linear model (version " + VERSION + ")");
            }
            int classes = data.readInt();
            List<String> labels = new java.util.ArrayList<>();
            for (int k = 0; k < classes; k++) {
                labels.add(data.readUTF());
            }
            int count = data.readInt();
            Map<String, Double> parameters = new java.util.TreeMap<>();
            for (int p = 0; p < count; p++) {
                parameters.put(data.readUTF(), data.readDouble());
            }
            String note = data.readUTF();
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = data.readFloat();
            }
            float scale = data.readFloat();
            float[] weights = new float[TextFeatures.DIMENSION * classes];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = data.readShort() * scale;
            }
            return new LinearModel(labels, bias, weights, parameters, note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + name, e);
        }
    }

    /** Reads a bundled model from the classpath. */
    public static LinearModel resource(String name) {
        String path = "gapwise/routing/" + name;
        InputStream in = LinearModel.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled model " + path + " is missing; run gapwise train");
        }
        return read(path, new java.io.BufferedInputStream(in, 1 << 16));
    }
}
