// Load generator for the gateway benchmark: HTTP/1.1 keep-alive over raw sockets (so the client adds almost
// nothing), JDK only, run with `java LoadGen.java MODE ...`. Every loop is bounded in count and time.
//
//   latency    --requests N --target SPEC...   concurrency 1, requests interleaved across targets round-robin
//   throughput --seconds S --levels 1,2,4 --target SPEC...   closed-loop sweep of concurrency levels
//   stream     --requests N --concurrent M --target SPEC...  TTFT, chunk gaps, usage chunk, concurrent streams
//   warmup     --seconds S --concurrency C --target SPEC...  load each target, print nothing (JIT warm-up)
//   count      --requests N --concurrency C --target SPEC     exactly N requests over C connections (profile.sh)
//
// SPEC is name|http://host:port/path|Header: value|Header: value ... ; the first target is the floor (direct).
// Several URLs separated by commas (name|http://a/path,http://b/path|...) spread the connections over them in turn,
// as a load balancer would (the throughput of several gateway instances).
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

public class LoadGen {
    record Target(String name, List<URI> uris, List<String> headers) {
        static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

        static Target parse(String spec) {
            String[] parts = spec.split("\\|");
            return new Target(parts[0], Arrays.stream(parts[1].split(",")).map(URI::create).toList(),
                    List.of(parts).subList(2, parts.length));
        }

        URI uri() {
            return uris.getFirst();
        }

        /** The URL the next connection opens to. */
        URI next() {
            return uris.get(Math.floorMod(NEXT.getAndIncrement(), uris.size()));
        }

        byte[] request(String body) {
            StringBuilder head = new StringBuilder("POST " + uri().getPath() + " HTTP/1.1\r\nHost: " + uri().getHost() + ":"
                    + uri().getPort() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append("\r\n").append(body);
            return head.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One keep-alive connection; reads Content-Length and chunked bodies, timestamping SSE data events. */
    static final class Connection implements AutoCloseable {
        final Target target;
        final URI endpoint;
        Socket socket;
        InputStream in;
        OutputStream out;

        Connection(Target target) throws IOException {
            this.target = target;
            this.endpoint = target.next();
            open();
        }

        void open() throws IOException {
            socket = new Socket(endpoint.getHost(), endpoint.getPort());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        /** Sends and reads one response; returns its status, and fills {@code events} with data-event times if given. */
        int exchange(byte[] request, List<long[]> events, StringBuilder body) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                while (true) {
                    long size = Long.parseLong(line().split(";")[0].strip(), 16);
                    if (size == 0) {
                        line();
                        break;
                    }
                    byte[] data = in.readNBytes((int) size);
                    long now = System.nanoTime();
                    line();
                    String text = new String(data, StandardCharsets.UTF_8);
                    if (body != null) {
                        body.append(text);
                    }
                    if (events != null) {
                        for (int at = text.indexOf("data: "); at >= 0; at = text.indexOf("data: ", at + 6)) {
                            int end = text.indexOf("\n\n", at);
                            String event = text.substring(at, end < 0 ? text.length() : end);
                            int content = event.indexOf("\"content\":\"");
                            boolean text0 = content >= 0 && content + 11 < event.length() && event.charAt(content + 11) != '"';
                            events.add(new long[] {now, text0 ? 1 : 0});
                        }
                    }
                }
            } else if (length >= 0) {
                byte[] data = in.readNBytes((int) length);
                if (body != null) {
                    body.append(new String(data, StandardCharsets.UTF_8));
                }
            }
            if (close) {
                close();
                open();
            }
            return code;
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static final String CHAT = "{\"model\":\"mock-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":32}";
    static final String STREAM = "{\"model\":\"mock-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],\"max_tokens\":32}";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            if (args[i].equals("--target")) {
                targets.add(Target.parse(args[i + 1]));
            } else {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        switch (args[0]) {
            case "latency" -> latency(targets, Integer.parseInt(options.getOrDefault("requests", "2000")));
            case "throughput" -> throughput(targets, Double.parseDouble(options.getOrDefault("seconds", "3")),
                    Arrays.stream(options.getOrDefault("levels", "1,2,4,8,16,32").split(",")).mapToInt(Integer::parseInt).toArray());
            case "warmup" -> {
                for (Target target : targets) {
                    run(target, Integer.parseInt(options.getOrDefault("concurrency", "4")),
                            Double.parseDouble(options.getOrDefault("seconds", "15")));
                }
            }
            case "stream" -> stream(targets, Integer.parseInt(options.getOrDefault("requests", "200")),
                    Integer.parseInt(options.getOrDefault("concurrent", "64")));
            case "count" -> count(targets.getFirst(), Integer.parseInt(options.getOrDefault("requests", "10000")),
                    Integer.parseInt(options.getOrDefault("concurrency", "1")));
            default -> throw new IllegalArgumentException("mode must be latency, throughput, stream, warmup or count");
        }
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Concurrency 1; each round sends one request to each target in turn, so noise hits all alike. */
    static void latency(List<Target> targets, int requests) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (Target target : targets) {
            connections.add(new Connection(target));
        }
        long[][] samples = new long[targets.size()][requests];
        int warmup = Math.min(500, requests / 4);
        for (int i = -warmup; i < requests; i++) {
            for (int t = 0; t < targets.size(); t++) {
                byte[] request = targets.get(t).request(CHAT);
                long start = System.nanoTime();
                int status = connections.get(t).exchange(request, null, null);
                long took = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException(targets.get(t).name() + " answered " + status);
                }
                if (i >= 0) {
                    samples[t][i] = took;
                }
            }
        }
        for (long[] s : samples) {
            Arrays.sort(s);
        }
        System.out.println("### Latency at concurrency 1 (" + requests + " requests per target, interleaved, after "
                + warmup + " warm-up rounds)\n");
        System.out.println("| target | p50 ms | p90 ms | p99 ms | added p50 ms | added p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (int t = 0; t < targets.size(); t++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %s |%n", targets.get(t).name(),
                    percentile(samples[t], 50), percentile(samples[t], 90), percentile(samples[t], 99),
                    t == 0 ? "—" : String.format(Locale.ROOT, "%+.3f", percentile(samples[t], 50) - percentile(samples[0], 50)),
                    t == 0 ? "—" : String.format(Locale.ROOT, "%+.3f", percentile(samples[t], 99) - percentile(samples[0], 99)));
        }
        System.out.println();
        for (Connection c : connections) {
            c.close();
        }
    }

    record Level(int concurrency, double rps, double p50, double p99, long errors) {
    }

    static Level run(Target target, int concurrency, double seconds) throws Exception {
        byte[] request = target.request(CHAT);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        List<long[]> perThread = new ArrayList<>();
        long[] counts = new long[concurrency];
        long[] errors = new long[concurrency];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            long[] samples = new long[2_000_000];
            perThread.add(samples);
            int index = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = new Connection(target)) {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = connection.exchange(request, null, null);
                        } catch (IOException e) {
                            status = -1;
                            try {
                                connection.close();
                                connection.open();
                            } catch (IOException ignored) {
                                // counted as an error
                            }
                        }
                        long took = System.nanoTime() - start;
                        if (measuring.get() && counts[index] < samples.length) {
                            if (status != 200) {
                                errors[index]++;
                            }
                            samples[(int) counts[index]++] = took;
                        }
                    }
                } catch (IOException e) {
                    errors[index]++;
                }
            }));
        }
        Thread.sleep(500);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(35_000);
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int c = 0; c < concurrency; c++) {
            System.arraycopy(perThread.get(c), 0, all, at, (int) counts[c]);
            at += (int) counts[c];
        }
        Arrays.sort(all);
        return new Level(concurrency, total / (elapsed / 1e9), percentile(all, 50), percentile(all, 99),
                Arrays.stream(errors).sum());
    }

    /** Exactly {@code requests} requests over {@code concurrency} keep-alive connections; prints one summary line. */
    static void count(Target target, int requests, int concurrency) throws Exception {
        byte[] request = target.request(CHAT);
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(requests);
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
        long[] samples = new long[requests];
        java.util.concurrent.atomic.AtomicInteger at = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection connection = new Connection(target)) {
                    while (left.getAndDecrement() > 0) {
                        long begin = System.nanoTime();
                        int status;
                        try {
                            status = connection.exchange(request, null, null);
                        } catch (IOException e) {
                            status = -1;
                            connection.close();
                            connection.open();
                        }
                        samples[at.getAndIncrement()] = System.nanoTime() - begin;
                        if (status != 200) {
                            errors.incrementAndGet();
                            if (status < 0) {
                                dropped.incrementAndGet();
                            }
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.copyOf(samples, at.get());
        Arrays.sort(done);
        System.out.printf(Locale.ROOT, "requests=%d concurrency=%d seconds=%.3f rps=%.0f p50_ms=%.3f p99_ms=%.3f errors=%d (connection dropped: %d)%n",
                done.length, concurrency, seconds, done.length / seconds, percentile(done, 50), percentile(done, 99),
                errors.get(), dropped.get());
    }

    static void throughput(List<Target> targets, double seconds, int[] levels) throws Exception {
        System.out.println("### Throughput sweep (closed loop, " + seconds + " s per level after 0.5 s warm-up)\n");
        System.out.println("| target | concurrency | req/s | p50 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, List<Level>> results = new LinkedHashMap<>();
        for (Target target : targets) {
            List<Level> list = new ArrayList<>();
            for (int level : levels) {
                Level result = run(target, level, seconds);
                list.add(result);
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.3f | %.3f | %d |%n", target.name(), level,
                        result.rps(), result.p50(), result.p99(), result.errors());
            }
            results.put(target.name(), list);
        }
        System.out.println("\n### Highest throughput with p99 under a bound and no errors (req/s; ratio to the floor)\n");
        System.out.println("| target | p99 < 1 ms | p99 < 5 ms | p99 < 10 ms |");
        System.out.println("|---|---|---|---|");
        String floor = targets.getFirst().name();
        for (Map.Entry<String, List<Level>> entry : results.entrySet()) {
            StringBuilder row = new StringBuilder("| " + entry.getKey());
            for (double bound : new double[] {1, 5, 10}) {
                double best = best(entry.getValue(), bound);
                double base = best(results.get(floor), bound);
                row.append(best == 0 ? " | none" : String.format(Locale.ROOT, " | %.0f (%.2f×)", best, base == 0 ? 0 : best / base));
            }
            System.out.println(row.append(" |"));
        }
        System.out.println();
    }

    static double best(List<Level> levels, double bound) {
        return levels.stream().filter(l -> l.errors() == 0 && l.p99() < bound).mapToDouble(Level::rps).max().orElse(0);
    }

    static void stream(List<Target> targets, int requests, int concurrent) throws Exception {
        System.out.println("### Streaming (" + requests + " sequential streams per target; then " + concurrent
                + " at once)\n");
        System.out.println("| target | TTFT p50 ms | TTFT p99 ms | chunk gap p50 ms | chunk gap p99 ms | usage chunk | "
                + concurrent + " concurrent: complete | max gap ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Target target : targets) {
            byte[] request = target.request(STREAM);
            long[] ttft = new long[requests];
            List<Long> gaps = new ArrayList<>();
            int usage = 0;
            try (Connection connection = new Connection(target)) {
                for (int i = -20; i < requests; i++) {
                    List<long[]> events = new ArrayList<>();
                    StringBuilder body = new StringBuilder();
                    long start = System.nanoTime();
                    int status = connection.exchange(request, events, body);
                    if (status != 200) {
                        throw new IllegalStateException(target.name() + " answered " + status);
                    }
                    if (i < 0) {
                        continue;
                    }
                    long previous = -1;
                    for (long[] event : events) {
                        if (event[1] == 1) {
                            if (previous < 0) {
                                ttft[i] = event[0] - start;
                            } else {
                                gaps.add(event[0] - previous);
                            }
                            previous = event[0];
                        }
                    }
                    usage += body.indexOf("\"usage\":{") > 0 ? 1 : 0;
                }
            }
            Arrays.sort(ttft);
            long[] gapArray = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] maxGap = new long[1];
            int[] complete = new int[1];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < concurrent; c++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    try (Connection connection = new Connection(target)) {
                        List<long[]> events = new ArrayList<>();
                        StringBuilder body = new StringBuilder();
                        connection.exchange(request, events, body);
                        long gap = 0;
                        for (int e = 1; e < events.size(); e++) {
                            gap = Math.max(gap, events.get(e)[0] - events.get(e - 1)[0]);
                        }
                        synchronized (maxGap) {
                            maxGap[0] = Math.max(maxGap[0], gap);
                            complete[0] += body.indexOf("[DONE]") > 0 ? 1 : 0;
                        }
                    } catch (IOException e) {
                        // counted as incomplete
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join(60_000);
            }
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %d/%d | %d/%d | %.1f |%n", target.name(),
                    percentile(ttft, 50), percentile(ttft, 99), percentile(gapArray, 50), percentile(gapArray, 99),
                    usage, requests, complete[0], concurrent, maxGap[0] / 1e6);
        }
        System.out.println();
    }
}
