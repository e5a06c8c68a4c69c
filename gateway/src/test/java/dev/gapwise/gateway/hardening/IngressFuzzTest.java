package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.dialect.neutral.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random-mutation fuzzer over the two JSON ingress endpoints (and so their parsers, validation, routing
 * and translation), against the real gateway and the fake upstream. Seeds are valid requests of both dialects;
 * each input is a seed mutated at the byte level (flips, deletions, duplications, insertions of hostile tokens) or
 * at the JSON level (a random node replaced by a hostile value). The only accepted outcomes are a 2xx, or a 4xx
 * whose body is the endpoint dialect's error. Bounded in time: {@code -Dgapwise.fuzz.seconds} (default 20);
 * {@code -Dgapwise.fuzz.seed} replays a run. (Jazzer was not used: it is not served by the registry this project
 * builds from, and its agent targets JUnit 5 rather than the JUnit 6 in use here.)
 */
class IngressFuzzTest {
    private static final List<String> HOSTILE = List.of("1e30", "-1", "0", "4294967297", "123456789012345678901234567890",
            "null", "true", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "[]", "{}", "[[[[[[[[", "{\"type\":\"image\"}",
            "{\"type\":\"document\"}", "{\"type\":\"input_audio\"}", "{\"type\":\"file\",\"file\":{}}", "1.5", "-0",
            "\"auto\"", "\"user\"", "\"assistant\"", "\"tool\"", "\"x\\ny\"", "NaN", "\"" + "a".repeat(300) + "\"");

    @TempDir
    Path dir;

    @Test
    void everyMutatedBodyGetsA2xxOrA4xxInTheEndpointsDialect() throws Exception {
        long seconds = Long.getLong("gapwise.fuzz.seconds", 20);
        long seed = Long.getLong("gapwise.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int inputs = 0;
        try (TestGateway gw = TestGateway.start(dir)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            long until = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < until && failures.size() < 5) {
                boolean anthropic = random.nextBoolean();
                String path = anthropic ? "/v1/messages" : "/v1/chat/completions";
                List<String> seeds = anthropic ? ANTHROPIC_SEEDS : OPENAI_SEEDS;
                byte[] body = mutate(seeds.get(random.nextInt(seeds.size())), random);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(gw.uri(path))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                inputs++;
                String problem = judge(anthropic, response);
                if (problem != null) {
                    failures.add(problem + " for " + path + " body " + new String(body, StandardCharsets.UTF_8));
                }
                gw.upstream.reset();
            }
        }
        System.out.printf("ingress fuzz: %d inputs in %d s, seed %d%n", inputs, seconds, seed);
        assertThat(failures).as("seed " + seed + " (replay with -Dgapwise.fuzz.seed=" + seed + ")").isEmpty();
        assertThat(inputs).isPositive();
    }

    /** Null when the response is acceptable, else what is wrong with it. */
    private static String judge(boolean anthropic, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return null;
        }
        if (status / 100 != 4) {
            return "status " + status + " (" + response.body() + ")";
        }
        JsonNode error = Json.parseOrNull(response.body().getBytes(StandardCharsets.UTF_8));
        if (error == null || !error.path("error").path("message").isString() || error.path("error").path("message").asString().isBlank()) {
            return "a " + status + " whose body is not the dialect's error: " + response.body();
        }
        if (anthropic && !error.path("type").asString("").equals("error")) {
            return "a " + status + " not in the Anthropic shape: " + response.body();
        }
        return null;
    }

    private static byte[] mutate(String seed, Random random) {
        if (random.nextInt(3) == 0) {
            return structural(seed, random).getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> { // flip a byte
                    bytes[at] = (byte) random.nextInt(256);
                    yield bytes;
                }
                case 1 -> splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(8)), new byte[0]);
                case 2 -> splice(bytes, at, at, java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(16))));
                case 3 -> splice(bytes, at, at, HOSTILE.get(random.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8));
                default -> splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(6)),
                        HOSTILE.get(random.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    /** The seed with one random node (object member or array element) replaced by a hostile value. */
    private static String structural(String seed, Random random) {
        JsonNode root = Json.MAPPER.readTree(seed);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = Json.parseOrNull(HOSTILE.get(random.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8));
        if (value == null) {
            value = Json.MAPPER.getNodeFactory().stringNode("NaN");
        }
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            object.set(names.get(random.nextInt(names.size())), value);
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value);
        }
        return Json.write(root);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node) {
                collect(child, into);
            }
        }
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }

    private static final List<String> OPENAI_SEEDS = List.of(
            TestGateway.openAiChat("auto", false),
            TestGateway.openAiChat("claude-fake", true),
            """
            {"model":"claude-fake","max_tokens":50,"temperature":0.5,"n":1,"stop":["x"],"user":"u",
             "stream_options":{"include_usage":true},"metadata":{"gapwise_tier":"routine"},
             "messages":[{"role":"system","content":"Be brief."},
               {"role":"user","content":[{"type":"text","text":"Hi"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]},
               {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\\"a\\":1}"}}]},
               {"role":"tool","tool_call_id":"c1","content":"42"}],
             "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}],
             "tool_choice":"required","response_format":{"type":"json_object"}}""",
            """
            {"model":"cheap-model","max_completion_tokens":20,"messages":[{"role":"developer","content":"x"},
             {"role":"user","content":[{"type":"file","file":{"filename":"a.pdf","file_data":"data:application/pdf;base64,JVBE"}}]}]}""");

    private static final List<String> ANTHROPIC_SEEDS = List.of(
            TestGateway.anthropicChat("auto", false),
            TestGateway.anthropicChat("cheap-model", true),
            """
            {"model":"cheap-model","max_tokens":100,"system":[{"type":"text","text":"Be brief."}],"temperature":0.2,
             "top_k":5,"stop_sequences":["END"],"metadata":{"user_id":"u","gapwise_tier":"routine"},
             "messages":[{"role":"user","content":[{"type":"text","text":"Hi"},
                 {"type":"image","source":{"type":"base64","media_type":"image/png","data":"AAAA"}},
                 {"type":"document","source":{"type":"text","media_type":"text/plain","data":"doc"}}]},
               {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"a":1}}]},
               {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"42"}]}],
             "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":{"type":"any"}}""");
}
