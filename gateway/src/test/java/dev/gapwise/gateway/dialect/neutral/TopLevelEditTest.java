package dev.gapwise.gateway.dialect.neutral;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopLevelEditTest {
    private static final TopLevelEdit AIM = new TopLevelEdit(Map.of(
            "model", Optional.of(Json.object().stringNode("upstream-model")),
            "stream_options", Optional.of(Json.object().put("include_usage", true)),
            "drop_me", Optional.empty()));

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes and tree give the same object, and the bytes are valid JSON. */
    private static void agrees(String body) {
        ObjectNode tree = (ObjectNode) Json.parseOrNull(utf8(body));
        byte[] edited = AIM.applyTo(utf8(body)).orElseThrow(() -> new AssertionError("refused: " + body));
        JsonNode reparsed = Json.parseOrNull(edited);
        assertEquals(AIM.applyTo(tree), reparsed, body + " -> " + new String(edited, StandardCharsets.UTF_8));
    }

    @Test
    void editsTheBytesExactlyAsTheTree() {
        agrees("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        agrees("{ \"messages\" : [ ] , \"model\" : \"auto\" }");
        agrees("{\n  \"drop_me\": {\"a\": [1, 2, {\"b\": \"}\"}]},\n  \"model\": \"x\",\n  \"n\": -1.5e3\n}");
        agrees("{\"model\":\"a\",\"model\":\"b\",\"x\":\"\\\"quoted\\\" , \\u00e9 caf\u00e9 \\n\"}");
        agrees("{}");
        agrees("{\"only\":true}");
        agrees("{\"drop_me\":null}");
        agrees("\t{\"tail\":[1,2,3]}  \n");
        agrees("{\"stream\":true,\"stream_options\":{\"include_usage\":false,\"other\":1},\"emoji\":\"\ud83d\ude00\"}");
    }

    @Test
    void keepsUntouchedMembersVerbatim() {
        String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9  with  spaces\"}]";
        String edited = new String(AIM.applyTo(utf8("{\"model\":\"auto\"," + messages + "}")).orElseThrow(),
                StandardCharsets.UTF_8);
        assertTrue(edited.startsWith("{" + messages + ","), edited);
    }

    @Test
    void randomObjectsAgree() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Map<String, Object> object = new LinkedHashMap<>();
            int members = random.nextInt(6);
            for (int i = 0; i < members; i++) {
                String name = switch (random.nextInt(5)) {
                    case 0 -> "model";
                    case 1 -> "drop_me";
                    case 2 -> "stream_options";
                    default -> "f" + random.nextInt(50);
                };
                object.put(name, switch (random.nextInt(5)) {
                    case 0 -> random.nextInt();
                    case 1 -> "s\"\\,{}" + random.nextInt(100);
                    case 2 -> java.util.List.of(1, "two", Map.of("three", 3));
                    case 3 -> Map.of("k", java.util.List.of());
                    default -> random.nextBoolean();
                });
            }
            String compact = Json.MAPPER.writeValueAsString(object);
            agrees(compact);
            agrees(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(object));
        }
    }

    @Test
    void refusesWhatIsNotOneObject() {
        for (String bad : new String[]{"[1]", "\"s\"", "{\"a\":1} {}", "{\"a\":"}) {
            assertEquals(Optional.empty(), AIM.applyTo(utf8(bad)).map(String::new), bad);
        }
    }
}
