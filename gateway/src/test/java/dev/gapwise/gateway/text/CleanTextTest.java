package dev.gapwise.gateway.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text made storable: no control characters, lone surrogates or over-long values. */
class CleanTextTest {
    @Test
    void replacesNulAndControlCharactersAndLoneSurrogates() {
        assertThat(CleanText.of("a\u0000b\nc\u001b\ud800d", 100)).isEqualTo("a\uFFFDb\uFFFDc\uFFFD\uFFFDd");
        assertThat(CleanText.of("emoji 😀 stays", 100)).isEqualTo("emoji 😀 stays");
    }

    @Test
    void boundsTheLengthWithoutSplittingASurrogatePair() {
        assertThat(CleanText.of("x".repeat(500), 200)).hasSize(200).endsWith("…");
        assertThat(CleanText.of("abcd😀", 5)).isEqualTo("abcd…");
        assertThat(CleanText.of(null, 5)).isNull();
    }

    @Test
    void quotesLogValuesThatCouldForgeALine() {
        assertThat(LogValue.of("claude-fake")).isEqualTo("claude-fake");
        assertThat(LogValue.of("x\n2026-01-01T00:00:00Z INFO access status=200"))
                .isEqualTo("\"x\\n2026-01-01T00:00:00Z INFO access status=200\"");
        assertThat(LogValue.of("a\"b")).isEqualTo("\"a\\\"b\"");
    }
}
