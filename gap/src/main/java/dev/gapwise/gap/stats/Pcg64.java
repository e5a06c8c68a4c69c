package dev.gapwise.gap.stats;

import java.math.BigInteger;

/**
 * NumPy's default random generator, {@code numpy.random.default_rng(seed)}: a SeedSequence expands the
 * seed into 256 bits, which seed a PCG64 generator (128-bit LCG, XSL-RR output). Bootstraps that must
 * reproduce a published interval (Epoch 2024's 11.6–19.8 months) draw from exactly the same stream, so
 * this class follows NumPy's algorithm step by step, including its buffered 32-bit draws and Lemire's
 * bounded integers. Not thread-safe: one instance per bootstrap.
 */
public final class Pcg64 {
    private static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger MULTIPLIER =
            BigInteger.valueOf(2549297995355413924L).shiftLeft(64).add(BigInteger.valueOf(4865540595714422341L));

    // 128-bit state and increment as two 64-bit halves each.
    private long stateHigh;
    private long stateLow;
    private final long incHigh;
    private final long incLow;
    private final long multHigh = MULTIPLIER.shiftRight(64).longValue();
    private final long multLow = MULTIPLIER.longValue();
    private boolean hasBuffered;
    private int buffered;

    /** The generator of {@code numpy.random.default_rng(seed)} for a non-negative seed. */
    public Pcg64(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be non-negative, got " + seed);
        }
        long[] words = SeedSequence.generateState64(seed, 4);
        BigInteger initState = unsigned(words[0]).shiftLeft(64).or(unsigned(words[1]));
        BigInteger initSeq = unsigned(words[2]).shiftLeft(64).or(unsigned(words[3]));
        BigInteger inc = initSeq.shiftLeft(1).or(BigInteger.ONE).and(MASK_128);
        incHigh = inc.shiftRight(64).longValue();
        incLow = inc.longValue();
        stateHigh = 0;
        stateLow = 0;
        step();
        BigInteger state = unsigned(stateHigh).shiftLeft(64).or(unsigned(stateLow)).add(initState).and(MASK_128);
        stateHigh = state.shiftRight(64).longValue();
        stateLow = state.longValue();
        step();
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    /** state = state * MULTIPLIER + inc (mod 2^128), in 64-bit arithmetic. */
    private void step() {
        long low = stateLow * multLow;
        long high = Math.unsignedMultiplyHigh(stateLow, multLow) + stateLow * multHigh + stateHigh * multLow;
        long newLow = low + incLow;
        long carry = Long.compareUnsigned(newLow, low) < 0 ? 1 : 0;
        stateLow = newLow;
        stateHigh = high + incHigh + carry;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        step();
        long xored = stateHigh ^ stateLow;
        int rotation = (int) (stateHigh >>> 58);
        return Long.rotateRight(xored, rotation);
    }

    /** The next 32 random bits; NumPy hands out the low half of a 64-bit draw first and keeps the high half. */
    public int nextInt() {
        if (hasBuffered) {
            hasBuffered = false;
            return buffered;
        }
        long next = nextLong();
        hasBuffered = true;
        buffered = (int) (next >>> 32);
        return (int) next;
    }

    /** A uniform integer in [0, bound), as NumPy's {@code integers(0, bound)} draws it (Lemire's method). */
    public int nextBounded(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long range = bound - 1L;
        long exclusive = range + 1;
        long m = Integer.toUnsignedLong(nextInt()) * exclusive;
        long left = m & 0xFFFFFFFFL;
        if (left < exclusive) {
            long threshold = ((0xFFFFFFFFL - range) % exclusive);
            while (left < threshold) {
                m = Integer.toUnsignedLong(nextInt()) * exclusive;
                left = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** {@code rng.choice(n, size=n, replace=True)}: n indices in [0, n) drawn with replacement. */
    public int[] resampleIndices(int n) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = nextBounded(n);
        }
        return indices;
    }
}
