package dev.gapwise.gateway.ingress;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming check of a body as it arrives ({@link IngressJson.Scan}) refuses the hostile shapes early and never
 * refuses a body that the full check ({@link IngressJson#weigh}) accepts, whatever the chunking.
 */
class IngressJsonScanTest {
    private final IngressJson json = new IngressJson(8 * 1024 * 1024);

    @Test
    void nestingIsRefusedAtTheSameDepthAsTheFullCheck() throws Exception {
        byte[] deepest = nested(IngressJson.MAX_DEPTH);
        assertThat(json.weigh(deepest)).isPositive();
        assertThat(scan(deepest, 7).refusal()).isNull();

        byte[] tooDeep = nested(IngressJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> json.weigh(tooDeep)).isInstanceOf(JacksonException.class);
        assertThat(scan(tooDeep, 7).refusal()).isEqualTo("nesting deeper than " + IngressJson.MAX_DEPTH);
    }

    @Test
    void hostileShapesAreRefusedInTheirFirstKilobytes() {
        byte[] deep = ("{\"model\":\"auto\",\"junk\":" + "[".repeat(4 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertThat(refusedAfter(deep, 64)).isLessThanOrEqualTo(128);

        byte[] empties = ("{\"model\":\"auto\",\"junk\":[" + "{},".repeat(2_000_000) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> json.weigh(empties)).isInstanceOf(JacksonException.class);
        assertThat(refusedAfter(empties, 16 * 1024)).isLessThan(400 * 1024);
    }

    @Test
    void bracketsColonsAndQuotesInsideStringsAreText() throws Exception {
        String text = "\\\"{[:" .repeat(100_000);
        byte[] body = ("{\"model\":\"auto\",\"content\":\"" + text + "\",\"deep\":\"" + "[".repeat(1000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(json.weigh(body)).isPositive();
        assertThat(scan(body, 1).refusal()).isNull();
        assertThat(scan(body, 4096).refusal()).isNull();
    }

    @Test
    void neverRefusesWhatTheFullCheckAccepts() throws Exception {
        Random random = new Random(14);
        int accepted = 0;
        int refusedByBoth = 0;
        for (int i = 0; i < 300; i++) {
            StringBuilder out = new StringBuilder();
            int wrap = i % 3 == 0 ? IngressJson.MAX_DEPTH - 4 + random.nextInt(8) : 0;
            for (int w = 0; w < wrap; w++) {
                out.append(w % 2 == 0 ? "[" : "{\"k\":");
            }
            value(random, out, 0, 2 + random.nextInt(8));
            for (int w = wrap - 1; w >= 0; w--) {
                out.append(w % 2 == 0 ? "]" : "}");
            }
            byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
            boolean fullAccepts;
            try {
                json.weigh(body);
                fullAccepts = true;
            } catch (JacksonException e) {
                fullAccepts = false;
            }
            String refusal = scan(body, 1 + random.nextInt(64)).refusal();
            if (fullAccepts) {
                assertThat(refusal).as("accepted by the full check: %s", out.length() > 300
                        ? out.substring(0, 300) : out).isNull();
                accepted++;
            } else if (refusal != null) {
                refusedByBoth++;
            }
        }
        assertThat(accepted).as("the generator makes bodies that pass").isGreaterThan(50);
        assertThat(refusedByBoth).as("and bodies too deep for both").isPositive();
    }

    private static IngressJson.Scan scan(byte[] body, int chunk) {
        IngressJson.Scan scan = new IngressJson.Scan();
        for (int at = 0; at < body.length; at += chunk) {
            if (!scan.feed(body, at, Math.min(chunk, body.length - at))) {
                break;
            }
        }
        return scan;
    }

    /** Bytes fed, in chunks of {@code chunk} as Jetty hands them over, when the scan first refuses. */
    private static int refusedAfter(byte[] body, int chunk) {
        IngressJson.Scan scan = new IngressJson.Scan();
        for (int at = 0; at < body.length; at += chunk) {
            if (!scan.feed(body, at, Math.min(chunk, body.length - at))) {
                return at + Math.min(chunk, body.length - at);
            }
        }
        return Integer.MAX_VALUE;
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    /** A random JSON value nested at most {@code maxDepth} deep, strings with escapes and brackets included. */
    private static void value(Random random, StringBuilder out, int depth, int maxDepth) {
        int kind = depth >= maxDepth ? 2 + random.nextInt(3) : random.nextInt(5);
        switch (kind) {
            case 0 -> {
                out.append('{');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(random, out);
                    out.append(':');
                    value(random, out, depth + 1, maxDepth);
                }
                out.append('}');
            }
            case 1 -> {
                out.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    value(random, out, depth + 1, maxDepth);
                }
                out.append(']');
            }
            case 2 -> string(random, out);
            case 3 -> out.append(random.nextInt(1000) - 500);
            default -> out.append(random.nextBoolean() ? "true" : "null");
        }
    }

    private static void string(Random random, StringBuilder out) {
        String[] parts = {"a", "\\\"", "\\\\", "{", "[", "]", "}", ":", ",", "é", "\\u005b"};
        out.append('"');
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(parts[random.nextInt(parts.length)]);
        }
        out.append('"');
    }
}
