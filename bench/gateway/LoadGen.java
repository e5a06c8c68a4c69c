// Load generator for the gateway benchmark: HTTP/1.1 keep-alive over raw sockets (so the client adds almost
// nothing), JDK only, run with `java LoadGen.java MODE ...`. Every loop is bounded in count and time.
//
//   latency    --requests N --target SPEC...   concurrency 1, requests interleaved across targets round-robin
//   throughput --seconds S --levels 1,2,4 --target SPEC...   closed-loop sweep of concurrency levels
//   stream     --requests N --concurrent M --target SPEC...  TTFT, chunk gaps, usage chunk, concurrent streams
//   warmup     --seconds S --concurrency C --target SPEC...  load each target, print nothing (JIT warm-up)
//   count      --requests N --concurrency C --target SPEC     exactly N requests over C connections (profile.sh)
//   longprompt --requests N --prompt-bytes B --target SPEC...  streamed answers to a long prompt, interleaved across
//              targets: first event, first token, gaps between events (streams.sh)
//   holdstreams --concurrent M --stall-ms X [--ramp-seconds R] --target SPEC...  M streams held open at once per
//              target: stalled gaps (> X ms), errors, completion (streams.sh)
//   hostile    --clients C --seconds S --body-bytes B --health URL --target SPEC   C clients sending hostile bodies
//              of three shapes while /healthz is timed every 100 ms (hostile.sh)
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
            case "longprompt" -> longPrompt(targets, Integer.parseInt(options.getOrDefault("requests", "40")),
                    Integer.parseInt(options.getOrDefault("prompt-bytes", "200000")));
            case "holdstreams" -> holdStreams(targets, Integer.parseInt(options.getOrDefault("concurrent", "1000")),
                    Double.parseDouble(options.getOrDefault("stall-ms", "500")),
                    Double.parseDouble(options.getOrDefault("ramp-seconds", "2")));
            case "hostile" -> hostile(targets.getFirst(), Integer.parseInt(options.getOrDefault("clients", "16")),
                    Double.parseDouble(options.getOrDefault("seconds", "20")),
                    Integer.parseInt(options.getOrDefault("body-bytes", String.valueOf(8 * 1024 * 1024))),
                    URI.create(options.get("health")));
            default -> throw new IllegalArgumentException(
                    "mode must be latency, throughput, stream, warmup, count, longprompt, holdstreams or hostile");
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

    // ---- streams.sh: a long prompt with a streamed answer ----

    /** Ordinary English words, a few with accents, for prompts that look like text rather than one repeated byte. */
    static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at "
            + "which but have an they you were her she there been one all we their has would when if so no will can "
            + "more other what some them into time only new could its these two may first then do any like my now over "
            + "such our man me even most made after also did many before must through back years where much your way "
            + "well down should because each just those people how too little state good very make world still own see "
            + "men work long get here between both life being under never day same another know while last might us "
            + "great old year off come since against go came right used take three gateway request latency budget "
            + "deployment provider routing stream token prompt answer model café naïve résumé façade — “quoted” 42 "
            + "2026 function(x) {json: true} <tag> path/to/file.java").split(" ");

    /** About {@code chars} characters of prose: sentences of random words, commas, paragraphs. */
    static String prose(java.util.Random random, int chars) {
        StringBuilder text = new StringBuilder(chars + 64);
        int inSentence = 0;
        while (text.length() < chars) {
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(inSentence == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            inSentence++;
            if (inSentence > 6 && random.nextInt(7) == 0) {
                text.append(random.nextInt(9) == 0 ? "?" : ".");
                text.append(random.nextInt(6) == 0 ? "\n\n" : " ");
                inSentence = 0;
            } else {
                text.append(random.nextInt(11) == 0 ? ", " : " ");
            }
        }
        return text.toString();
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A streamed chat request of about {@code bytes} bytes: a system prompt and ten turns of prose, then a question. */
    static String longPromptBody(int bytes) {
        java.util.Random random = new java.util.Random(14);
        StringBuilder body = new StringBuilder(bytes + 1024).append("{\"model\":\"mock-model\",\"stream\":true,")
                .append("\"stream_options\":{\"include_usage\":true},\"max_tokens\":1024,\"messages\":[")
                .append("{\"role\":\"system\",\"content\":").append(json(prose(random, bytes / 11))).append('}');
        for (int turn = 0; turn < 10; turn++) {
            body.append(",{\"role\":\"").append(turn % 2 == 0 ? "user" : "assistant").append("\",\"content\":")
                    .append(json(prose(random, bytes / 11))).append('}');
        }
        body.append(",{\"role\":\"user\",\"content\":").append(json("Summarise the conversation above in three sentences."))
                .append("}]}");
        return body.toString();
    }

    /** One streamed exchange's times: first event, first content event, the gaps between consecutive events. */
    record StreamTimes(long firstEvent, long firstToken, long[] gaps, int events, boolean done) {
        static StreamTimes of(long start, List<long[]> events, CharSequence body) {
            long firstEvent = events.isEmpty() ? -1 : events.getFirst()[0] - start;
            long firstToken = -1;
            long[] gaps = new long[Math.max(0, events.size() - 1)];
            for (int e = 0; e < events.size(); e++) {
                if (firstToken < 0 && events.get(e)[1] == 1) {
                    firstToken = events.get(e)[0] - start;
                }
                if (e > 0) {
                    gaps[e - 1] = events.get(e)[0] - events.get(e - 1)[0];
                }
            }
            return new StreamTimes(firstEvent, firstToken, gaps, events.size(), body.toString().contains("[DONE]"));
        }
    }

    static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Requests interleaved round-robin across the targets (the first the floor), each a long prompt streamed back. */
    static void longPrompt(List<Target> targets, int requests, int promptBytes) throws Exception {
        String prompt = longPromptBody(promptBytes);
        int bytes = prompt.getBytes(StandardCharsets.UTF_8).length;
        List<Connection> connections = new ArrayList<>();
        for (Target target : targets) {
            connections.add(new Connection(target));
        }
        int n = targets.size();
        List<List<Long>> first = new ArrayList<>(), token = new ArrayList<>(), gaps = new ArrayList<>();
        int[] events = new int[n], done = new int[n], errors = new int[n];
        for (int t = 0; t < n; t++) {
            first.add(new ArrayList<>());
            token.add(new ArrayList<>());
            gaps.add(new ArrayList<>());
        }
        int warmup = Math.max(5, requests / 4);
        for (int i = -warmup; i < requests; i++) {
            for (int t = 0; t < n; t++) {
                byte[] request = targets.get(t).request(prompt);
                List<long[]> seen = new ArrayList<>();
                StringBuilder body = new StringBuilder();
                long start = System.nanoTime();
                int status;
                try {
                    status = connections.get(t).exchange(request, seen, body);
                } catch (IOException e) {
                    status = -1;
                    connections.get(t).close();
                    connections.get(t).open();
                }
                if (i < 0) {
                    continue;
                }
                if (status != 200) {
                    errors[t]++;
                    continue;
                }
                StreamTimes times = StreamTimes.of(start, seen, body);
                first.get(t).add(times.firstEvent());
                token.get(t).add(times.firstToken());
                for (long gap : times.gaps()) {
                    gaps.get(t).add(gap);
                }
                events[t] += times.events();
                done[t] += times.done() ? 1 : 0;
            }
        }
        for (Connection c : connections) {
            c.close();
        }
        System.out.printf(Locale.ROOT, "### Long prompt, streamed answer (%d streams per target, interleaved, after %d warm-up rounds; "
                + "request body %,d bytes, about %,d tokens at 4 bytes a token)%n%n", requests, warmup, bytes, bytes / 4);
        System.out.println("| target | first event p50 ms | first event p99 ms | first token p50 ms | first token p99 ms "
                + "| added first event p50 / p99 ms | added first token p50 / p99 ms | event gap p50 ms | event gap p99 ms "
                + "| event gap max ms | events per stream | complete | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        long[] firstFloor = sorted(first.getFirst()), tokenFloor = sorted(token.getFirst());
        for (int t = 0; t < n; t++) {
            long[] f = sorted(first.get(t)), k = sorted(token.get(t)), g = sorted(gaps.get(t));
            int streams = first.get(t).size();
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %s | %s | %.3f | %.3f | %.3f | %.1f | %d/%d | %d |%n",
                    targets.get(t).name(), percentile(f, 50), percentile(f, 99), percentile(k, 50), percentile(k, 99),
                    t == 0 ? "—" : String.format(Locale.ROOT, "%+.3f / %+.3f", percentile(f, 50) - percentile(firstFloor, 50),
                            percentile(f, 99) - percentile(firstFloor, 99)),
                    t == 0 ? "—" : String.format(Locale.ROOT, "%+.3f / %+.3f", percentile(k, 50) - percentile(tokenFloor, 50),
                            percentile(k, 99) - percentile(tokenFloor, 99)),
                    percentile(g, 50), percentile(g, 99), g.length == 0 ? Double.NaN : g[g.length - 1] / 1e6,
                    streams == 0 ? 0.0 : (double) events[t] / streams, done[t], requests, errors[t]);
        }
        System.out.println();
    }

    // ---- streams.sh: many streams held open at once ----

    /** Per target, {@code concurrent} streams opened over {@code rampSeconds} and held until they end. */
    static void holdStreams(List<Target> targets, int concurrent, double stallMs, double rampSeconds) throws Exception {
        System.out.printf(Locale.ROOT, "### %d concurrent streams (opened over %.1f s, each held to its end; a stalled frame is a gap "
                + "between two events of one stream over %.0f ms)%n%n", concurrent, rampSeconds, stallMs);
        System.out.println("| target | streams | complete | errors | most open at once | first event p50 / p99 / max ms "
                + "| event gap p50 / p99 / p99.9 / max ms | stalled gaps | streams with a stall | wall s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> notes = new ArrayList<>();
        for (Target target : targets) {
            byte[] request = target.request(STREAM);
            java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger mostOpen = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ConcurrentLinkedQueue<StreamTimes> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            long begin = System.nanoTime();
            for (int c = 0; c < concurrent; c++) {
                long startAt = begin + (long) (rampSeconds * 1e9 * c / concurrent);
                threads.add(Thread.ofPlatform().stackSize(256 * 1024).start(() -> {
                    try {
                        long wait = startAt - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        try (Connection connection = new Connection(target)) {
                            List<long[]> events = new ArrayList<>();
                            StringBuilder body = new StringBuilder();
                            long start = System.nanoTime();
                            int status = connection.exchange(request, events, body);
                            if (status != 200) {
                                failures.add("status " + status);
                            } else {
                                results.add(StreamTimes.of(start, events, body));
                            }
                        } finally {
                            open.decrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join(120_000);
            }
            double wall = (System.nanoTime() - begin) / 1e9;
            List<Long> first = new ArrayList<>(), gaps = new ArrayList<>();
            int complete = 0, stalled = 0, stalledStreams = 0;
            long bound = (long) (stallMs * 1e6);
            for (StreamTimes times : results) {
                first.add(times.firstEvent());
                int mine = 0;
                for (long gap : times.gaps()) {
                    gaps.add(gap);
                    mine += gap > bound ? 1 : 0;
                }
                stalled += mine;
                stalledStreams += mine > 0 ? 1 : 0;
                complete += times.done() ? 1 : 0;
            }
            long[] f = sorted(first), g = sorted(gaps);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f / %.1f | %d of %d | %d | %.1f |%n",
                    target.name(), concurrent, complete, failures.size(), mostOpen.get(), percentile(f, 50),
                    percentile(f, 99), f.length == 0 ? Double.NaN : f[f.length - 1] / 1e6, percentile(g, 50),
                    percentile(g, 99), percentile(g, 99.9), g.length == 0 ? Double.NaN : g[g.length - 1] / 1e6, stalled,
                    g.length, stalledStreams, wall);
            if (!failures.isEmpty()) {
                Map<String, Integer> kinds = new LinkedHashMap<>();
                failures.forEach(f0 -> kinds.merge(f0, 1, Integer::sum));
                notes.add(target.name() + " errors: " + kinds);
            }
        }
        System.out.println();
        notes.forEach(note -> System.out.println(note + "\n"));
    }

    // ---- hostile.sh: hostile bodies while /healthz is timed ----

    /** The three shapes of MemoryBoundTest, {@code size} bytes each: many empty objects, one huge string, deep arrays. */
    static byte[][] hostileBodies(int size) {
        return new byte[][] {
                fill(size, "{\"model\":\"mock-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"junk\":[", "{},", "{}]}"),
                fill(size, "{\"model\":\"mock-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"junk\":\"", "xxxxxxxx", "\"}"),
                fill(size, "{\"model\":\"mock-model\",\"junk\":", "[", "")};
    }

    static final String[] SHAPES = {"many empty objects", "one huge string", "deep arrays"};

    static byte[] fill(int size, String head, String unit, String tail) {
        byte[] body = new byte[size - 16];
        byte[] start = head.getBytes(StandardCharsets.UTF_8), end = tail.getBytes(StandardCharsets.UTF_8),
                repeat = unit.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        int at = start.length;
        while (at + repeat.length + end.length <= body.length) {
            System.arraycopy(repeat, 0, body, at, repeat.length);
            at += repeat.length;
        }
        System.arraycopy(end, 0, body, at, end.length);
        return Arrays.copyOf(body, at + end.length);
    }

    /** Sends one body on a fresh connection; the status, or -1 when the connection ended without one. */
    static int sendHostile(Target target, byte[] head, byte[] body) {
        URI uri = target.next();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            try {
                out.write(head);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                socket.setSoTimeout(2_000); // refused mid-body: an answer may already be on its way
            }
            StringBuilder status = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                status.append((char) b);
            }
            String[] parts = status.toString().split(" ");
            int code = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
            in.transferTo(OutputStream.nullOutputStream()); // Connection: close, so the answer ends with the stream
            return code;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    static void hostile(Target target, int clients, double seconds, int size, URI health) throws Exception {
        byte[][] bodies = hostileBodies(size);
        long until = System.nanoTime() + (long) (seconds * 1e9);
        List<Map<Integer, Integer>> statuses = new ArrayList<>();
        long[] requests = new long[SHAPES.length], busyNanos = new long[SHAPES.length];
        for (int s = 0; s < SHAPES.length; s++) {
            statuses.add(new java.util.TreeMap<>());
        }
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int shape = c % SHAPES.length;
            StringBuilder head = new StringBuilder("POST " + target.uri().getPath() + " HTTP/1.1\r\nHost: "
                    + target.uri().getHost() + ":" + target.uri().getPort() + "\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + bodies[shape].length + "\r\n");
            target.headers().forEach(h -> head.append(h).append("\r\n"));
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    long start = System.nanoTime();
                    int code = sendHostile(target, headBytes, bodies[shape]);
                    synchronized (statuses) {
                        statuses.get(shape).merge(code, 1, Integer::sum);
                        requests[shape]++;
                        busyNanos[shape] += System.nanoTime() - start;
                    }
                }
            }));
        }
        // /healthz every 100 ms on one keep-alive connection (a new one after a failure)
        byte[] probe = ("GET " + health.getPath() + " HTTP/1.1\r\nHost: " + health.getHost() + ":" + health.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        Target healthTarget = new Target("healthz", List.of(health), List.of());
        List<Long> healthTimes = new ArrayList<>();
        int healthFailures = 0;
        Connection connection = null;
        for (long tick = System.nanoTime(); tick < until; tick += 100_000_000L) {
            long wait = tick - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long start = System.nanoTime();
            int code;
            try {
                if (connection == null) {
                    connection = new Connection(healthTarget);
                }
                code = connection.exchange(probe, null, null);
            } catch (IOException e) {
                code = -1;
                if (connection != null) {
                    connection.close();
                }
                connection = null;
            }
            healthTimes.add(System.nanoTime() - start);
            healthFailures += code == 200 ? 0 : 1;
            if (System.nanoTime() - start > 100_000_000L) {
                tick = System.nanoTime() - 100_000_000L; // a slow answer does not cause a burst of catch-up probes
            }
        }
        if (connection != null) {
            connection.close();
        }
        for (Thread thread : threads) {
            thread.join(90_000);
        }
        System.out.printf(Locale.ROOT, "| shape | clients | requests | statuses (-1: connection ended without an answer) | mean s per request |%n");
        System.out.println("|---|---|---|---|---|");
        for (int s = 0; s < SHAPES.length; s++) {
            int shape = s;
            long shapeClients = java.util.stream.IntStream.range(0, clients).filter(c -> c % SHAPES.length == shape).count();
            System.out.printf(Locale.ROOT, "| %s (%,d bytes) | %d | %d | %s | %.2f |%n", SHAPES[s], bodies[s].length,
                    shapeClients, requests[s], statuses.get(s), requests[s] == 0 ? Double.NaN : busyNanos[s] / 1e9 / requests[s]);
        }
        long[] h = sorted(healthTimes);
        System.out.println();
        System.out.printf(Locale.ROOT, "healthz_samples=%d healthz_p50_ms=%.1f healthz_p99_ms=%.1f healthz_max_ms=%.1f "
                        + "healthz_failures=%d healthz_over_100ms=%d%n", h.length, percentile(h, 50), percentile(h, 99),
                h.length == 0 ? Double.NaN : h[h.length - 1] / 1e6, healthFailures,
                Arrays.stream(h).filter(v -> v > 100_000_000L).count());
    }
}
