package dev.gapwise.gateway.dialect.neutral;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class JsonTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parseFieldsKeepsOnlyTheNamedTopLevelFieldsAsTheWholeParseHasThem() {
        String answer = """
                {"id":"c1","choices":[{"message":{"content":"usage is not here","usage":{"x":1}}}],
                 "usage":{"prompt_tokens":12,"completion_tokens":3,"prompt_tokens_details":{"cached_tokens":2}},
                 "model":"m"}""";
        ObjectNode kept = Json.parseFields(utf8(answer), Set.of("usage"));
        assertEquals(Set.of("usage"), kept.propertyNames());
        assertEquals(Json.parseOrNull(utf8(answer)).get("usage"), kept.get("usage"));
        assertEquals(0, Json.parseFields(utf8("{\"a\":[1,{\"b\":2}]}"), Set.of("usage")).size());
    }

    @Test
    void parseFieldsRefusesWhatTheWholeParseRefuses() {
        for (String bad : new String[]{"", "[1,2]", "\"text\"", "{\"usage\":{}", "{\"a\":1} {\"b\":2}",
                "{\"a\":[1,2}", "{\"usage\": nope}", "{\"a\":1,}"}) {
            assertNull(Json.parseFields(utf8(bad), Set.of("usage")), bad);
        }
    }

    @Test
    void aShallowCopySharesValuesButNotTheTopLevelFields() {
        ObjectNode original = (ObjectNode) Json.parseOrNull(utf8("{\"model\":\"a\",\"messages\":[{\"role\":\"user\"}]}"));
        ObjectNode copy = Json.shallowCopy(original);
        copy.put("model", "b");
        copy.remove("messages");
        assertEquals("a", original.get("model").asString());
        assertEquals(1, original.get("messages").size());
        assertNotSame(original, copy);
        assertSame(original.get("messages"), Json.shallowCopy(original).get("messages"));
    }
}
