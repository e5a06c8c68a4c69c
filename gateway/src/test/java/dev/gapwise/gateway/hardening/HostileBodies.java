package dev.gapwise.gateway.hardening;

import dev.gapwise.gateway.GatewayProcess;
import dev.gapwise.gateway.TestGateway;
import dev.gapwise.gateway.fake.FakeUpstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile-body attack of issue 8 case 5 and issue 14's memory target, shared by {@link MemoryBoundTest} and
 * a harness run by hand: a gateway process with a bounded heap takes {@value #CLIENTS} clients sending 8 MB
 * hostile bodies (millions of {@code {}}, one huge string, arrays nested as deep as the body allows) while a probe
 * on its own HTTP client and platform thread times {@code /healthz}, {@code /readyz} and {@code /metrics} and
 * samples the heap from {@code /metrics}.
 *
 * <p>Harness: {@code java -cp <test classpath> dev.gapwise.gateway.hardening.HostileBodies [SECONDS] [gateway JVM
 * options…]} prints the latency percentiles and the peak heap.
 */
final class HostileBodies {
    static final int CLIENTS = 16;
    static final int BODY_BYTES = 8 * 1024 * 1024;
    static final long INFLIGHT_BODY_BYTES = 64L * 1024 * 1024;
    /** Pause between two probe rounds. */
    static final long PROBE_PAUSE_MILLIS = 20;

    private HostileBodies() {
    }

    /**
     * What one attack showed.
     *
     * @param refused    statuses of the bodies of millions of elements or deep nesting
     * @param hugeString statuses of the one-huge-string bodies (valid JSON)
     * @param healthz    each {@code /healthz} round trip, nanoseconds, in order
     * @param readyz     each {@code /readyz} round trip, nanoseconds
     * @param metrics    each {@code /metrics} round trip, nanoseconds
     * @param peakHeap   the largest heap use sampled from {@code /metrics}, bytes
     * @param healthzStatuses statuses {@code /healthz} answered
     * @param legit      the status of a normal chat request sent after the attack
     * @param alive      the gateway process was still running after the attack
     * @param output     what the gateway printed
     */
    record Outcome(List<Integer> refused, List<Integer> hugeString, long[] healthz, long[] readyz, long[] metrics,
                   long peakHeap, List<Integer> healthzStatuses, int legit, boolean alive, List<String> output) {
        String summary() {
            return "%d hostile requests (%d of millions of elements or deep nesting, %d huge strings); /healthz %s; "
                    .formatted(refused.size() + hugeString.size(), refused.size(), hugeString.size(), millis(healthz))
                    + "/readyz %s; /metrics %s; peak heap %d MB".formatted(millis(readyz), millis(metrics),
                    peakHeap / (1024 * 1024));
        }

        static String millis(long[] nanos) {
            return "n=%d p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms".formatted(nanos.length,
                    percentile(nanos, 50) / 1e6, percentile(nanos, 95) / 1e6, percentile(nanos, 99) / 1e6,
                    percentile(nanos, 100) / 1e6);
        }
    }

    /** The nearest-rank percentile {@code p} (0–100] of {@code values}; 0 when there are none. */
    static long percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    /** Runs the attack for {@code attackMillis} against a gateway started with {@code jvmOptions}. */
    static Outcome run(Path dir, long attackMillis, String... jvmOptions) throws Exception {
        try (FakeUpstream upstream = FakeUpstream.start()) {
            Path config = dir.resolve("gapwise.yaml");
            Files.writeString(config, TestGateway.yaml(upstream.baseUrl(), dir, "")
                    .replace("max_body_bytes: 65536", "max_body_bytes: " + BODY_BYTES
                            + "\n  max_inflight_body_bytes: " + INFLIGHT_BODY_BYTES));
            try (GatewayProcess gateway = GatewayProcess.start(config, jvmOptions)) {
                System.out.println("hostile bodies: gateway at " + gateway.uri() + " for " + attackMillis + " ms");
                Outcome outcome = attack(gateway, attackMillis);
                if (gateway.alive()) {
                    gateway.terminate(20_000); // SIGTERM: a flight recording, when asked for, is written on exit
                }
                return outcome;
            }
        }
    }

    private static Outcome attack(GatewayProcess gateway, long attackMillis) throws Exception {
        HttpClient attackers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<byte[]> bodies = List.of(emptyObjects(), oneHugeString(), deepArrays());
        ConcurrentLinkedQueue<Integer> refused = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> hugeString = new ConcurrentLinkedQueue<>();
        Probe probe = new Probe(gateway.uri());
        long until = System.currentTimeMillis() + attackMillis;
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CLIENTS; c++) {
                byte[] body = bodies.get(c % bodies.size());
                ConcurrentLinkedQueue<Integer> into = c % bodies.size() == 1 ? hugeString : refused;
                clients.submit(() -> {
                    while (System.currentTimeMillis() < until) {
                        into.add(post(attackers, gateway.uri(), body));
                    }
                    return null;
                });
            }
            Thread prober = Thread.ofPlatform().name("hostile-bodies-probe").start(() -> probe.until(until));
            prober.join();
        }
        HttpResponse<String> legit = attackers.send(HttpRequest.newBuilder(gateway.uri().resolve("/v1/chat/completions"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TestGateway.openAiChat("auto", false))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Outcome(List.copyOf(refused), List.copyOf(hugeString), probe.healthz.toArray(),
                probe.readyz.toArray(), probe.metrics.toArray(), probe.peakHeap.get(), List.copyOf(probe.statuses),
                legit.statusCode(), gateway.alive(), gateway.output());
    }

    /**
     * Times the operational endpoints as a monitoring agent would: one kept-alive HTTP/1.1 connection, a blocking
     * socket on its own platform thread, nothing shared with the attackers' client (whose selector thread and
     * executor are busy with their 8 MB bodies in this same JVM and would add their own delays).
     */
    private static final class Probe {
        private final URI base;
        private final Samples healthz = new Samples();
        private final Samples readyz = new Samples();
        private final Samples metrics = new Samples();
        private final List<Integer> statuses = new ArrayList<>();
        private final AtomicLong peakHeap = new AtomicLong();
        private java.net.Socket socket;

        Probe(URI base) {
            this.base = base;
        }

        void until(long until) {
            try {
                while (System.currentTimeMillis() < until) {
                    statuses.add(time("/healthz", healthz).status());
                    time("/readyz", readyz);
                    peakHeap.accumulateAndGet(heapUsed(time("/metrics", metrics).body()), Math::max);
                    Thread.sleep(PROBE_PAUSE_MILLIS);
                }
            } catch (Exception e) {
                System.out.println("hostile bodies: the probe failed: " + e);
                statuses.add(-1);
            } finally {
                close();
            }
        }

        private Reply time(String path, Samples into) throws java.io.IOException {
            long start = System.nanoTime();
            Reply reply;
            try {
                reply = get(path);
            } catch (java.io.IOException closed) {
                close(); // the server may close a kept-alive connection: one retry on a new one
                reply = get(path);
            }
            into.add(System.nanoTime() - start);
            return reply;
        }

        private Reply get(String path) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(base.getHost(), base.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
            }
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line(in).strip(), 16); size > 0;
                     size = Integer.parseInt(line(in).strip(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
                line(in);
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            return new Reply(status, body.toString(StandardCharsets.UTF_8));
        }

        private static String line(java.io.InputStream in) throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new java.io.EOFException("the connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing
                }
                socket = null;
            }
        }

        private record Reply(int status, String body) {
        }
    }

    /** Latencies of one endpoint; used by one thread. */
    private static final class Samples {
        private long[] values = new long[256];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static int post(HttpClient http, URI base, byte[] body) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 503; // the gateway refused before reading the whole body and closed the connection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long heapUsed(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** {"model":"auto","junk":[{},{},…],"messages":[…]}: valid JSON, millions of elements. */
    static byte[] emptyObjects() {
        return fill("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"junk\":[", "{},", "{}]}");
    }

    /** One 8 MB string in an unknown field: few elements, many bytes. */
    static byte[] oneHugeString() {
        return fill("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"junk\":\"", "xxxxxxxx", "\"}");
    }

    /** Arrays nested as deep as the body allows. */
    static byte[] deepArrays() {
        return fill("{\"model\":\"auto\",\"junk\":", "[", "");
    }

    private static byte[] fill(String head, String unit, String tail) {
        byte[] body = new byte[BODY_BYTES - 16];
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] repeat = unit.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        int at = start.length;
        while (at + repeat.length + end.length <= body.length) {
            System.arraycopy(repeat, 0, body, at, repeat.length);
            at += repeat.length;
        }
        System.arraycopy(end, 0, body, at, end.length);
        return Arrays.copyOf(body, at + end.length);
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        Path dir = Files.createTempDirectory("hostile-bodies");
        List<String> options = new ArrayList<>(args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
        if (Boolean.getBoolean("hostile.lateness")) {
            options.add("-javaagent:" + SchedulingLateness.agentJar(dir));
        }
        String[] jvm = options.toArray(String[]::new);
        Outcome outcome = run(dir, seconds * 1000, jvm);
        System.out.println("hostile bodies, " + seconds + " s, gateway " + String.join(" ", jvm) + ": "
                + outcome.summary());
        System.out.println("refused statuses " + counts(outcome.refused()) + ", huge-string statuses "
                + counts(outcome.hugeString()) + ", legit " + outcome.legit() + ", alive " + outcome.alive());
        outcome.output().stream().filter(line -> line.startsWith("LATENESS")).forEach(System.out::println);
    }

    private static String counts(List<Integer> statuses) {
        return statuses.stream().collect(java.util.stream.Collectors.groupingBy(s -> s,
                java.util.TreeMap::new, java.util.stream.Collectors.counting())).toString();
    }
}
