package dev.gapwise.gap;

import dev.gapwise.catalog.Access;
import dev.gapwise.catalog.Model;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupTest {
    private static final Model OPEN_CN = Model.builder("qwen", "Qwen").access(Access.OPEN).countries(List.of("CN"))
            .organization("Alibaba").license("Apache 2.0").attributes(Map.of("domain", "Language")).build();
    private static final Model CLOSED_US = Model.builder("gpt", "GPT").access(Access.CLOSED)
            .countries(List.of("US")).organization("OpenAI").license("Proprietary")
            .attributes(Map.of("domain", "Multimodal")).build();
    private static final Model OPEN_FR = Model.builder("mistral", "Mistral").access(Access.OPEN)
            .countries(List.of("FR")).organization("Mistral AI").license("Apache 2.0").build();
    private static final Model JOINT_US_CN = Model.builder("joint", "Joint").access(Access.CLOSED)
            .countries(List.of("US", "CN")).organization("Google DeepMind, Tsinghua University").build();
    private static final Model UNKNOWN_ACCESS = Model.builder("mystery", "Mystery").countries(List.of("US")).build();

    private static final List<Model> EVERYONE = List.of(OPEN_CN, CLOSED_US, OPEN_FR, JOINT_US_CN, UNKNOWN_ACCESS);

    private static List<String> members(String expression) {
        Group group = Group.parse("g", expression);
        return EVERYONE.stream().filter(group::contains).map(Model::id).toList();
    }

    @Test
    void accessSelectsOpenOrClosedAndNeverUnknown() {
        assertThat(members("access=open")).containsExactly("qwen", "mistral");
        assertThat(members("access=closed")).containsExactly("gpt", "joint");
        assertThat(members("access=OPEN|closed")).containsExactly("qwen", "gpt", "mistral", "joint");
    }

    @Test
    void allMatchesEveryModelWhoseAccessIsKnown() {
        assertThat(members("all")).containsExactly("qwen", "gpt", "mistral", "joint");
        assertThat(Group.ALL.contains(UNKNOWN_ACCESS)).isFalse();
    }

    @Test
    void countryAcceptsCodesAndNames() {
        assertThat(members("country=CN")).containsExactly("qwen", "joint");
        assertThat(members("country=China")).containsExactly("qwen", "joint");
        assertThat(members("country=United States of America")).containsExactly("gpt", "joint", "mystery");
        assertThat(members("country=fr|cn")).containsExactly("qwen", "mistral", "joint");
    }

    @Test
    void multinationalModelBelongsToBothCountryGroups() {
        assertThat(Group.US.contains(JOINT_US_CN)).isTrue();
        assertThat(Group.CHINA.contains(JOINT_US_CN)).isTrue();
    }

    @Test
    void negationExcludesEveryListedValue() {
        assertThat(members("country!=CN")).containsExactly("gpt", "mistral", "mystery");
        assertThat(members("country!=CN|US")).containsExactly("mistral");
        assertThat(members("access!=open")).containsExactly("gpt", "joint", "mystery");
    }

    @Test
    void conditionsSeparatedByCommasMustAllHold() {
        assertThat(members("access=open,country!=CN")).containsExactly("mistral");
        assertThat(members(" access = open , country = CN ")).containsExactly("qwen");
    }

    @Test
    void orgMatchesAnyListedOrganisationIgnoringCase() {
        assertThat(members("org=alibaba")).containsExactly("qwen");
        assertThat(members("organization=OpenAI|Mistral AI")).containsExactly("gpt", "mistral");
        assertThat(members("org=tsinghua university")).as("one of several organisations").containsExactly("joint");
        assertThat(members("org=Tsinghua")).as("no partial names").isEmpty();
    }

    @Test
    void licenseMatchesTheWholeLicenceIgnoringCase() {
        assertThat(members("license=apache 2.0")).containsExactly("qwen", "mistral");
        assertThat(members("licence=proprietary")).containsExactly("gpt");
    }

    @Test
    void attributeConditionsReadAnyModelAttribute() {
        assertThat(members("attr.domain=language")).containsExactly("qwen");
        assertThat(members("attr.domain=Language|multimodal")).containsExactly("qwen", "gpt");
        assertThat(members("attr.domain!=language")).as("models without the attribute have none of the values")
                .containsExactly("gpt", "mistral", "joint", "mystery");
    }

    @Test
    void parsedGroupKeepsItsLabelAndStrippedExpression() {
        Group group = Group.parse("open, not Chinese", "  access=open,country!=CN ");

        assertThat(group.label()).isEqualTo("open, not Chinese");
        assertThat(group.expression()).isEqualTo("access=open,country!=CN");
        assertThat(group).hasToString("open, not Chinese [access=open,country!=CN]");
    }

    @Test
    void emptyExpressionIsRejectedWithAnExample() {
        assertThatThrownBy(() -> Group.parse("g", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty group expression").hasMessageContaining("access=open");
    }

    @Test
    void unknownKeyIsNamedWithTheKeysThatExist() {
        assertThatThrownBy(() -> Group.parse("g", "access=open,size=7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'size'")
                .hasMessageContaining("access, country, org, license or attr.NAME");
        assertThatThrownBy(() -> Group.parse("g", "attr.=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown key 'attr.'");
    }

    @Test
    void missingValueOrOperatorIsNotACondition() {
        assertThatThrownBy(() -> Group.parse("g", "access="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'access=' is not a condition").hasMessageContaining("key=value");
        assertThatThrownBy(() -> Group.parse("g", "country!="))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'country!=' is not a condition");
        assertThatThrownBy(() -> Group.parse("g", "open"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'open' is not a condition");
        assertThatThrownBy(() -> Group.parse("g", "=open"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'=open' is not a condition");
    }

    @Test
    void badAccessValueSaysWhatIsAllowed() {
        assertThatThrownBy(() -> Group.parse("g", "access=public"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("access must be open or closed, not 'public'");
    }

    @Test
    void emptyAlternativeIsRejectedInsteadOfSilentlyMatchingUnknownAccess() {
        assertThatThrownBy(() -> Group.parse("g", "access=|open"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Group.parse("g", "access=open||closed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty value");
        assertThatThrownBy(() -> Group.parse("g", "country=CN|"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty value");
    }
}
