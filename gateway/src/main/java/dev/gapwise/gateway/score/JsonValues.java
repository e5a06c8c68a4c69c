package dev.gapwise.gateway.score;

import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure functions over JSON values that scoring needs: key-sorted copies and leaf paths. Stateless. */
final class JsonValues {
    private JsonValues() {
    }

    /** A copy with every object's keys in sorted order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                fields.put(entry.getKey(), sorted(entry.getValue()));
            }
            ObjectNode copy = Json.object();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Every leaf as "path=value", e.g. {@code /name="Ada"}, {@code /tags/0="x"}. */
    static List<String> leaves(JsonNode node) {
        List<String> out = new ArrayList<>();
        leaves(node, "", out);
        return out;
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                leaves(entry.getValue(), path + "/" + entry.getKey(), out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, out);
            }
        } else {
            out.add(path + "=" + Json.write(node));
        }
    }
}
