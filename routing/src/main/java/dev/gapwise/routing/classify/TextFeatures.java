package dev.gapwise.routing.classify;

/**
 * Turns text into hashed features in a space of 2^18 buckets: lower-cased words, word bigrams, character 3- and
 * 4-grams inside each word (with ^ and $ marking its ends, digits folded to 0, so typos and inflections still share
 * most grams), and coarse shape tokens (length, digits, math and code symbols, line count). Values are 1 per
 * occurrence, scaled by 1/√count. Texts longer than {@link #MAX_CHARS} keep their head and tail.
 *
 * <p>How it works: one pass over the (capped) text; each word's grams are hashed with FNV-1a straight from the char
 * buffer, so no substring is ever built. Stateless and thread-safe.
 */
public final class TextFeatures {
    /** log2 of the number of buckets. */
    public static final int BITS = 18;
    /** The number of buckets. */
    public static final int DIMENSION = 1 << BITS;
    static final int MAX_CHARS = 1024;
    private static final int TAIL_CHARS = 256;
    private static final int MAX_WORD = 24;
    private static final int FNV_OFFSET = 0x811C9DC5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int WORD = 0x3A5F;
    private static final int BIGRAM = 0x71C3;
    private static final int GRAM = 0x1B87;
    private static final int SHAPE = 0x5D21;

    private TextFeatures() {
    }

    /** The features of a text. */
    public static SparseVector of(String text) {
        char[] chars = prepare(text);
        int capacity = 16 + chars.length * 3;
        int[] indices = new int[capacity];
        int count = 0;
        int previousWord = 0;
        int digits = 0;
        int math = 0;
        int code = 0;
        int lines = 1;
        int i = 0;
        while (i < chars.length) {
            char c = chars[i];
            if (!Character.isLetterOrDigit(c)) {
                switch (c) {
                    case '+', '=', '^', '*', '/', '<', '>', '%' -> math++;
                    case '{', '}', ';', '(', ')', '[', ']', '`', '_', '#' -> code++;
                    case '\n' -> lines++;
                    default -> { }
                }
                i++;
                continue;
            }
            int start = i;
            while (i < chars.length && Character.isLetterOrDigit(chars[i])) {
                if (Character.isDigit(chars[i])) {
                    digits++;
                }
                i++;
            }
            int end = Math.min(i, start + MAX_WORD);
            int word = hash(FNV_OFFSET ^ WORD, chars, start, end);
            indices[count++] = bucket(word);
            if (previousWord != 0) {
                indices[count++] = bucket(mix(previousWord * 31 + BIGRAM, word));
            }
            previousWord = word;
            count = grams(chars, start, end, indices, count);
            if (count + 3 * MAX_WORD + 8 > capacity) {
                capacity *= 2;
                indices = java.util.Arrays.copyOf(indices, capacity);
            }
        }
        if (count + 6 > capacity) {
            indices = java.util.Arrays.copyOf(indices, count + 6);
        }
        indices[count++] = shape(1, log2(text.length()));
        indices[count++] = shape(2, log2(digits));
        indices[count++] = shape(3, log2(math));
        indices[count++] = shape(4, log2(code));
        indices[count++] = shape(5, log2(lines));
        float[] values = new float[count];
        java.util.Arrays.fill(values, (float) (1 / Math.sqrt(count)));
        return new SparseVector(indices, values, count);
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
    private static int grams(char[] chars, int start, int end, int[] indices, int count) {
        int length = end - start + 2;
        for (int n = 3; n <= 4; n++) {
            for (int from = 0; from + n <= length; from++) {
                int h = FNV_OFFSET ^ (GRAM + n);
                for (int k = from; k < from + n; k++) {
                    char c = k == 0 ? '^' : k == length - 1 ? '$' : chars[start + k - 1];
                    h = (h ^ c) * FNV_PRIME;
                }
                indices[count++] = bucket(h);
            }
        }
        return count;
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
