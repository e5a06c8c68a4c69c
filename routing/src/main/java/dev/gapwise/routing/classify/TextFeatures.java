package dev.gapwise.routing.classify;

/**
 * Turns a request into hashed features in a space of 2^18 buckets. The instruction gives lower-cased words, word
 * bigrams, character 3- and 4-grams inside each word (with ^ and $ marking its ends, digits folded to 0, so typos
 * and inflections still share most grams); pasted material and earlier turns give words and bigrams in namespaces
 * of their own (the same word hashes elsewhere), so a model can learn that a word in an email to rewrite says less
 * than the same word in the question; coarse shape tokens describe lengths, digits, math and code symbols and
 * lines. Each part's values are scaled to a fixed norm (instruction 1, pasted material and context
 * {@value #SECONDARY_WEIGHT}), so a long paste cannot drown the instruction. Long parts keep their head and tail.
 *
 * <p>How it works: one pass over each (capped) part; each word's grams are hashed with FNV-1a straight from the char
 * buffer, so no substring is ever built. Stateless and thread-safe.
 */
public final class TextFeatures {
    /** log2 of the number of buckets. */
    public static final int BITS = 18;
    /** The number of buckets. */
    public static final int DIMENSION = 1 << BITS;
    static final int MAX_CHARS = 1024;
    /** The norm of the pasted material's and of the context's features (the instruction's is 1). */
    static final float SECONDARY_WEIGHT = 0.5f;
    private static final int TAIL_CHARS = 256;
    private static final int MAX_WORD = 24;
    private static final int SHAPES = 8;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int WORD = 0x3A5F;
    private static final int BIGRAM = 0x71C3;
    private static final int GRAM = 0x1B87;
    private static final int SHAPE = 0x5D21;
    private static final int PASTED = 0x2F4B;
    private static final int CONTEXT = 0x4C91;

    private TextFeatures() {
    }

    /** The features of a one-turn request (split into instruction and pasted material by {@link RequestText}). */
    public static SparseVector of(String text) {
        return of(RequestText.of(text));
    }

    /** The features of a request. */
    public static SparseVector of(RequestText request) {
        Buffer buffer = new Buffer(request.instruction().length() * 3 + request.pasted().length() / 2
                + request.context().length() / 2 + 64);
        Counts counts = new Counts();
        int instructionEnd = segment(prepare(request.instruction()), 0, true, buffer, counts);
        int pastedEnd = segment(prepare(request.pasted()), PASTED, false, buffer, counts);
        int contextEnd = segment(prepare(request.context()), CONTEXT, false, buffer, counts);
        buffer.add(shape(1, log2(request.instruction().length())));
        buffer.add(shape(2, log2(request.pasted().length())));
        buffer.add(shape(3, log2(counts.digits)));
        buffer.add(shape(4, log2(counts.math)));
        buffer.add(shape(5, log2(counts.code)));
        buffer.add(shape(6, log2(counts.lines)));
        buffer.add(shape(7, log2(request.context().length())));
        buffer.add(shape(8, request.hasPasted() ? 1 : 0));
        float[] values = new float[buffer.count];
        fill(values, 0, instructionEnd, 1f);
        fill(values, instructionEnd, pastedEnd, SECONDARY_WEIGHT);
        fill(values, pastedEnd, contextEnd, SECONDARY_WEIGHT);
        fill(values, contextEnd, buffer.count, 1f);
        return new SparseVector(buffer.indices, values, buffer.count);
    }

    /**
     * One instruction word and the buckets it contributes by itself (its unigram and character grams; bigrams are
     * shared with neighbours and left out), with the value each of them has in the request's vector.
     */
    public record WordFeatures(String word, int[] buckets, float value) {
    }

    /** The instruction's distinct words with their own buckets, for explanations ("which words decided"). */
    public static java.util.List<WordFeatures> words(RequestText request) {
        SparseVector all = of(request);
        char[] chars = prepare(request.instruction());
        java.util.Map<String, WordFeatures> words = new java.util.LinkedHashMap<>();
        float value = all.size() > 0 ? all.values()[0] : 0f;
        int i = 0;
        while (i < chars.length) {
            if (!Character.isLetterOrDigit(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && Character.isLetterOrDigit(chars[i])) {
                i++;
            }
            int end = Math.min(i, start + MAX_WORD);
            String word = new String(chars, start, end - start);
            if (!words.containsKey(word)) {
                Buffer buffer = new Buffer(3 * MAX_WORD + 8);
                buffer.add(bucket(hash(FNV_OFFSET ^ WORD, chars, start, end)));
                grams(chars, start, end, buffer);
                words.put(word, new WordFeatures(word, java.util.Arrays.copyOf(buffer.indices, buffer.count), value));
            }
        }
        return java.util.List.copyOf(words.values());
    }

    /** Sets values[from, to) so that they have the given L2 norm. */
    private static void fill(float[] values, int from, int to, float norm) {
        if (to > from) {
            java.util.Arrays.fill(values, from, to, (float) (norm / Math.sqrt(to - from)));
        }
    }

    /** Growable index buffer. */
    private static final class Buffer {
        int[] indices;
        int count;

        Buffer(int capacity) {
            indices = new int[capacity];
        }

        void add(int index) {
            if (count == indices.length) {
                indices = java.util.Arrays.copyOf(indices, indices.length * 2 + SHAPES);
            }
            indices[count++] = index;
        }
    }

    /** Symbol counts over all parts (for the shape tokens). */
    private static final class Counts {
        int digits;
        int math;
        int code;
        int lines = 1;
    }

    /**
     * Appends one part's features; {@code namespace} 0 is the instruction's. Character grams only when
     * {@code grams}. Returns the buffer's count after the part.
     */
    private static int segment(char[] chars, int namespace, boolean grams, Buffer buffer, Counts counts) {
        int previousWord = 0;
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            if (!Character.isLetterOrDigit(c)) {
                switch (c) {
                    case '+', '=', '^', '*', '/', '<', '>', '%' -> counts.math++;
                    case '{', '}', ';', '(', ')', '[', ']', '`', '_', '#' -> counts.code++;
                    case '\n' -> counts.lines++;
                    default -> { }
                }
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && Character.isLetterOrDigit(chars[i])) {
                if (Character.isDigit(chars[i])) {
                    counts.digits++;
                }
                i++;
            }
            int end = Math.min(i, start + MAX_WORD);
            int word = hash(FNV_OFFSET ^ (WORD + namespace), chars, start, end);
            buffer.add(bucket(word));
            if (previousWord != 0) {
                buffer.add(bucket(mix(previousWord * 31 + BIGRAM, word)));
            }
            previousWord = word;
            if (grams) {
                grams(chars, start, end, buffer);
            }
        }
        return buffer.count;
    }

    /** The features of a text plus one token naming its category (MMLU subject, MMLU-Pro src, …), weighted 1. */
    public static SparseVector withGroup(String text, String group) {
        SparseVector base = of(text);
        if (group.isEmpty()) {
            return base;
        }
        int[] indices = java.util.Arrays.copyOf(base.indices(), base.size() + 1);
        float[] values = java.util.Arrays.copyOf(base.values(), base.size() + 1);
        indices[base.size()] = bucket(hash(FNV_OFFSET ^ 0x6A09, group.toCharArray(), 0, group.length()));
        values[base.size()] = 1f;
        return new SparseVector(indices, values, base.size() + 1);
    }

    /** Lower-cased, digits folded to 0, head and tail of long texts. */
    private static char[] prepare(String text) {
        String kept = text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS - TAIL_CHARS) + "\n" + text.substring(text.length() - TAIL_CHARS);
        char[] chars = kept.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            char c = chars[k];
            if (c >= 'A' && c <= 'Z') {
                chars[k] = (char) (c + 32);
            } else if (c >= '0' && c <= '9') {
                chars[k] = '0';
            } else if (c > 127) {
                chars[k] = Character.toLowerCase(c);
            }
        }
        return chars;
    }

    /** Character 3- and 4-grams of the word chars[start, end) padded with ^ and $. */
    private static void grams(char[] chars, int start, int end, Buffer buffer) {
        int length = end - start + 2;
        for (int n = 3; n <= 4; n++) {
            for (int from = 0; from + n <= length; from++) {
                int h = FNV_OFFSET ^ (GRAM + n);
                for (int k = from; k < from + n; k++) {
                    char c = k == 0 ? '^' : k == length - 1 ? '$' : chars[start + k - 1];
                    h = (h ^ c) * FNV_PRIME;
                }
                buffer.add(bucket(h));
            }
        }
    }

    private static int hash(int seed, char[] chars, int start, int end) {
        int h = seed;
        for (int k = start; k < end; k++) {
            h = (h ^ chars[k]) * FNV_PRIME;
        }
        return h == 0 ? 1 : h;
    }

    private static int mix(int a, int b) {
        int h = a ^ Integer.rotateLeft(b, 13);
        h *= 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    private static int shape(int kind, int level) {
        return bucket(mix(SHAPE + kind, level + 1));
    }

    private static int bucket(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h & (DIMENSION - 1);
    }

    private static int log2(int value) {
        return 32 - Integer.numberOfLeadingZeros(value);
    }
}
