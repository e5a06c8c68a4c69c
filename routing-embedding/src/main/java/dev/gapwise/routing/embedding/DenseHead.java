package dev.gapwise.routing.embedding;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic head over sentence embeddings (legal, medical, financial, routine), with named decision
 * parameters fitted on validation data and a provenance note. File format (gzip): magic {@code GWDH}, version 1,
 * labels, parameters, note, dimension, biases, weights (class-major, float32). Writing is deterministic.
 * Immutable and thread-safe.
 */
public final class DenseHead {
    private static final int MAGIC = 0x47574448;
    private static final int VERSION = 1;

    private final List<String> labels;
    private final float[] bias;
    private final float[][] weights;
    private final Map<String, Double> parameters;
    private final String note;

    private DenseHead(List<String> labels, float[] bias, float[][] weights, Map<String, Double> parameters,
                      String note) {
        this.labels = List.copyOf(labels);
        this.bias = bias;
        this.weights = weights;
        this.parameters = Map.copyOf(parameters);
        this.note = note;
        if (weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("a head needs one weight row and one bias per class");
        }
    }

    /** A head from its parts (the trainer's output); the arrays are copied. */
    public static DenseHead of(List<String> labels, float[] bias, float[][] weights, Map<String, Double> parameters,
                               String note) {
        float[][] copy = new float[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            copy[k] = weights[k].clone();
        }
        return new DenseHead(labels, bias.clone(), copy, parameters, note);
    }

    public List<String> labels() {
        return labels;
    }

    /** The embedding dimension. */
    public int dimension() {
        return weights[0].length;
    }

    public String note() {
        return note;
    }

    /** A decision parameter stored with the head. */
    public double parameter(String name) {
        Double value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("embedding head has no parameter '" + name + "'; retrain with gapwise train");
        }
        return value;
    }

    /** The same head with more parameters. */
    public DenseHead withParameters(Map<String, Double> more) {
        Map<String, Double> merged = new TreeMap<>(parameters);
        merged.putAll(more);
        return new DenseHead(labels, bias, weights, merged, note);
    }

    /** Class probabilities for an embedding, in label order. */
    public double[] probabilities(float[] x) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("embedding of dimension " + x.length + ", head expects " + dimension());
        }
        double[] scores = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < scores.length; k++) {
            double z = bias[k];
            float[] row = weights[k];
            for (int j = 0; j < row.length; j++) {
                z += row[j] * x[j];
            }
            scores[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = Math.exp(scores[k] - max);
            sum += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= sum;
        }
        return scores;
    }

    /** The head in the file format above. */
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
            for (Map.Entry<String, Double> entry : new TreeMap<>(parameters).entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeDouble(entry.getValue());
            }
            out.writeUTF(note);
            out.writeInt(dimension());
            for (float b : bias) {
                out.writeFloat(b);
            }
            for (float[] row : weights) {
                for (float w : row) {
                    out.writeFloat(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a head written by {@link #toBytes()}; {@code name} is for messages. */
    public static DenseHead read(String name, InputStream in) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in))) {
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IllegalStateException(name + " is not a Gapwise embedding head (version " + VERSION + ")");
            }
            int classes = data.readInt();
            List<String> labels = new java.util.ArrayList<>();
            for (int k = 0; k < classes; k++) {
                labels.add(data.readUTF());
            }
            int count = data.readInt();
            Map<String, Double> parameters = new TreeMap<>();
            for (int p = 0; p < count; p++) {
                parameters.put(data.readUTF(), data.readDouble());
            }
            String note = data.readUTF();
            int dimension = data.readInt();
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = data.readFloat();
            }
            float[][] weights = new float[classes][dimension];
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < dimension; j++) {
                    weights[k][j] = data.readFloat();
                }
            }
            return new DenseHead(labels, bias, weights, parameters, note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding head " + name, e);
        }
    }

    /** Reads the head bundled in the jar. */
    public static DenseHead resource(String file) {
        String path = "gapwise/routing/" + file;
        InputStream in = DenseHead.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("bundled embedding head " + path + " is missing; run gapwise train");
        }
        return read(path, new java.io.BufferedInputStream(in, 1 << 16));
    }
}
