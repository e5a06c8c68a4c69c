package dev.gapwise.gap.stats;

/**
 * NumPy's {@code SeedSequence}: mixes a seed's 32-bit words into a pool of four words with a multiply–xor
 * hash, then draws the requested state words from the pool. Only what {@link Pcg64} needs: a single
 * non-negative integer seed, default pool size, no spawn keys.
 */
final class SeedSequence {
    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    private SeedSequence() {
    }

    /** {@code count} 64-bit words of state for the given seed. */
    static long[] generateState64(long seed, int count) {
        int[] pool = pool(entropyWords(seed));
        int[] words32 = new int[count * 2];
        int hashConstant = INIT_B;
        for (int i = 0; i < words32.length; i++) {
            int value = pool[i % POOL_SIZE] ^ hashConstant;
            hashConstant *= MULT_B;
            value *= hashConstant;
            value ^= value >>> XSHIFT;
            words32[i] = value;
        }
        long[] words64 = new long[count];
        for (int k = 0; k < count; k++) {
            words64[k] = Integer.toUnsignedLong(words32[2 * k]) | (Integer.toUnsignedLong(words32[2 * k + 1]) << 32);
        }
        return words64;
    }

    private static int[] entropyWords(long seed) {
        if (seed >>> 32 == 0) {
            return new int[] {(int) seed};
        }
        return new int[] {(int) seed, (int) (seed >>> 32)};
    }

    private static int[] pool(int[] entropy) {
        int[] hashConstant = {INIT_A};
        int[] pool = new int[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hashConstant);
        }
        for (int source = 0; source < POOL_SIZE; source++) {
            for (int destination = 0; destination < POOL_SIZE; destination++) {
                if (source != destination) {
                    pool[destination] = mix(pool[destination], hashmix(pool[source], hashConstant));
                }
            }
        }
        for (int i = POOL_SIZE; i < entropy.length; i++) {
            for (int destination = 0; destination < POOL_SIZE; destination++) {
                pool[destination] = mix(pool[destination], hashmix(entropy[i], hashConstant));
            }
        }
        return pool;
    }

    private static int hashmix(int value, int[] hashConstant) {
        value ^= hashConstant[0];
        hashConstant[0] *= MULT_A;
        value *= hashConstant[0];
        value ^= value >>> XSHIFT;
        return value;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        result ^= result >>> XSHIFT;
        return result;
    }
}
