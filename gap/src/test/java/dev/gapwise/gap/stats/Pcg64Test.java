package dev.gapwise.gap.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Pcg64Test {

    @Test
    void seedSequenceExpandsSeed43LikeNumpy() {
        assertThat(SeedSequence.generateState64(43, 4)).containsExactly(
                0x79dd5756ee1632d1L, 0xf08732cb3109af6aL, 0x896dbb0633d61e51L, 0x66dda4e175fcb01fL);
    }

    @Test
    void firstDrawsOfSeed43MatchNumpyDefaultRng() {
        Pcg64 rng = new Pcg64(43);
        assertThat(rng.nextLong()).isEqualTo(0xa6fd15a0815ce843L);
        assertThat(rng.nextLong()).isEqualTo(0x0b34dc0f66bc04b6L);
        assertThat(rng.nextLong()).isEqualTo(0x0520a8b493c045ffL);
    }

    @Test
    void uniformDoubleOfSeed42MatchesNumpyRandom() {
        long bits = new Pcg64(42).nextLong();
        assertThat((bits >>> 11) * 0x1.0p-53).isEqualTo(0.7739560485559633);
    }

    @Test
    void resamplesOfTwentyRowsMatchNumpyChoice() {
        Pcg64 rng = new Pcg64(43);
        assertThat(rng.resampleIndices(20)).containsExactly(
                10, 13, 8, 0, 11, 0, 5, 16, 9, 11, 19, 4, 16, 15, 7, 5, 5, 8, 12, 9);
        assertThat(rng.resampleIndices(20)).containsExactly(
                2, 19, 7, 17, 3, 5, 15, 5, 17, 8, 9, 0, 8, 6, 10, 19, 0, 16, 7, 10);
        assertThat(rng.resampleIndices(20)).containsExactly(
                9, 9, 16, 18, 19, 11, 14, 18, 18, 19, 0, 0, 11, 2, 17, 15, 2, 2, 2, 6);
    }
}
