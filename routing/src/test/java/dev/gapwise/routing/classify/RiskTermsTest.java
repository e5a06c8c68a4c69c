package dev.gapwise.routing.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskTermsTest {
    private static final RiskTerms TERMS = RiskTerms.parse(List.of("# comment", "legal sue", "legal lawyer*",
            "medical side effects", "financial capital gains"));

    @Test
    void matchesWholeWordsPrefixesAndPhrasesInAnyCase() {
        assertThat(TERMS.find("Can I SUE my boss?")).contains(new RiskTerms.Match("legal", "sue"));
        assertThat(TERMS.find("need two Lawyers fast")).contains(new RiskTerms.Match("legal", "lawyer*"));
        assertThat(TERMS.find("any side effect?")).isEmpty();
        assertThat(TERMS.find("what are the Side Effects")).contains(new RiskTerms.Match("medical", "side effects"));
        assertThat(TERMS.find("short-term Capital Gains tax")).contains(new RiskTerms.Match("financial", "capital gains"));
    }

    @Test
    void doesNotMatchInsideOtherWords() {
        assertThat(TERMS.find("pursue the issue")).isEmpty();
        assertThat(TERMS.find("a sued")).isEmpty();
    }
}
