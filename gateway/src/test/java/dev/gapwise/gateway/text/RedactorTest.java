package dev.gapwise.gateway.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a credential in upstream text, and what is left alone. */
class RedactorTest {
    private final Redactor redactor = new Redactor(List.of("s3cr3t-value-that-is-configured"));

    @Test
    void removesConfiguredSecretsWhereverTheyAppearAndInUrlEncodedForm() {
        assertThat(redactor.redact("bad key s3cr3t-value-that-is-configured!")).isEqualTo("bad key [REDACTED]!");
        assertThat(new Redactor(List.of("a+b/c=")).redact("key=a%2Bb%2Fc%3D")).doesNotContain("a%2Bb%2Fc%3D");
    }

    @Test
    void removesAnythingShapedLikeACredential() {
        for (String leak : List.of("Incorrect API key provided: Bearer sk-proj-abcdefghijklmnop",
                "invalid x-api-key: sk-ant-api03-AAAAAAAAAAAAAAAA", "url?api_key=abcd1234efgh&x=1",
                "{\"token\": \"tok_0123456789\"}", "password=hunter22", "gw-0123456789abcdef0123456789abcdef0123456789abcdef",
                "AKIAABCDEFGHIJKLMNOP", "AIzaSyA1234567890abcdefghijklmnopqrstu",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "blob QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w")) {
            String redacted = redactor.redact(leak);
            assertThat(redacted).as(leak).contains(Redactor.MARK);
            assertThat(redacted).doesNotContain("abcdefghijklmnop", "AAAAAAAAAAAAAAAA", "abcd1234efgh", "0123456789",
                    "hunter22", "ABCDEFGHIJKLMNOP", "1234567890abcdefghij", "dozjgNryP4J3", "9f86d081884c7d65",
                    "QUJDREVGR0hJSktM");
        }
    }

    @Test
    void leavesOrdinaryErrorMessagesAlone() {
        for (String plain : List.of("model 'claude-3-5-sonnet-20241022' is overloaded, retry later",
                "max_tokens: 100000 > 8192, which is the maximum allowed", "Rate limit reached for requests")) {
            assertThat(redactor.redact(plain)).isEqualTo(plain);
        }
    }
}
