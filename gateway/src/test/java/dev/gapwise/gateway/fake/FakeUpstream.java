package dev.gapwise.gateway.fake;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions and Anthropic Messages dialects, JSON
 * and SSE, with knobs ({@link Behaviour}) for latency, chunking, 429 with Retry-After, 5xx, slow headers and
 * cuts mid-stream. Answers to requests with tools are tool calls; answers after a tool result quote it.
 * Thread-safe. {@link #main} runs it alone (the benchmark's upstream).
 */
public final class FakeUpstream implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the fake's token-count endpoint answers, whatever the request. */
    public static final long COUNTED_TOKENS = 4242;
    /** The thinking text and signature of an Anthropic answer to a request with {@code thinking} enabled. */
    public static final String THINKING = FakeAnswers.THINKING;
    public static final String SIGNATURE = FakeAnswers.SIGNATURE;

    /**
     * A request as received.
     *
     * @param raw the body's bytes as they arrived
     */
    public record Received(String path, Map<String, String> headers, JsonNode body, byte[] raw) {
        /** The body's bytes as UTF-8 text. */
        public String rawText() {
            return new String(raw, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Server server;
    private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Behaviour> fallback = new AtomicReference<>(Behaviour.ok());
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final boolean record;

    private FakeUpstream(int port, boolean record) {
        this.record = record;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
    }

    public static FakeUpstream start() {
        return start(0, true);
    }

    static FakeUpstream start(int port, boolean record) {
        FakeUpstream upstream = new FakeUpstream(port, record);
        try {
            upstream.server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return upstream;
    }

    /**
     * Runs the fake alone: {@code FakeUpstream PORT [CHUNKS CHUNK_DELAY_MS]}; it stops when the process is killed.
     * Streams come in CHUNKS pieces of text with CHUNK_DELAY_MS after every event; when CHUNKS is more than the
     * default answer has characters, the answer is {@link #words CHUNKS words}, one per piece (the long streams of
     * bench/gateway/streams.sh).
     */
    public static void main(String[] args) throws Exception {
        FakeUpstream upstream = start(Integer.parseInt(args[0]), false);
        if (args.length >= 3) {
            int chunks = Integer.parseInt(args[1]);
            Behaviour behaviour = Behaviour.ok().chunks(chunks, Long.parseLong(args[2]));
            upstream.setDefault(chunks > Behaviour.TEXT.length() ? behaviour.answering(words(chunks)) : behaviour);
        }
        System.out.println("fake upstream on " + upstream.baseUrl());
        upstream.server.join();
    }

    /** A text of {@code count} words of six characters each (a space and five letters): one word per piece. */
    static String words(int count) {
        String[] vocabulary = {" model", " token", " reply", " quick", " brown", " jumps", " gates", " route"};
        StringBuilder text = new StringBuilder(count * 6);
        for (int i = 0; i < count; i++) {
            text.append(vocabulary[i % vocabulary.length]);
        }
        return text.toString();
    }

    /** The base URL, version included: {@code http://127.0.0.1:PORT/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/v1");
    }

    /** The next requests get these behaviours, in order; then the default. */
    public void enqueue(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
    }

    public void setDefault(Behaviour behaviour) {
        fallback.set(behaviour);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Streams whose client (the gateway) went away before the end. */
    public int cancelledStreams() {
        return cancelled.get();
    }

    public void reset() {
        script.clear();
        received.clear();
        cancelled.set(0);
        fallback.set(Behaviour.ok());
    }

    private void serve(Request request, Response response, Callback callback) throws Exception {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readAllBytes();
        }
        String path = request.getHttpURI().getPath();
        if (path.endsWith("/models") && "GET".equals(request.getMethod())) {
            write(response, callback, 200, "application/json",
                    "{\"object\":\"list\",\"data\":[{\"id\":\"llama-local\",\"object\":\"model\"}]}");
            return;
        }
        JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        if (record) {
            Map<String, String> headers = request.getHeaders().stream().collect(Collectors.toMap(
                    f -> f.getLowerCaseName(), f -> f.getValue(), (a, b) -> a + "," + b));
            received.add(new Received(path, headers, body, bytes));
        }
        Behaviour behaviour = script.poll();
        if (behaviour == null) {
            behaviour = fallback.get();
        }
        if (behaviour.headerDelayMs() > 0) {
            Thread.sleep(behaviour.headerDelayMs());
        }
        if (path.endsWith("/messages/count_tokens")) {
            if (behaviour.status() / 100 != 2) {
                response.getHeaders().put("x-should-retry", "false");
                write(response, callback, behaviour.status(), "application/json",
                        new FakeAnswers(body, behaviour, true, null).error());
                return;
            }
            write(response, callback, 200, "application/json", "{\"input_tokens\":" + COUNTED_TOKENS + "}");
            return;
        }
        boolean anthropic = path.endsWith("/messages");
        // headers of the upstream's own that must never reach the gateway's clients
        response.getHeaders().put("Connection", "X-Fake-Upstream");
        response.getHeaders().put("X-Fake-Upstream", "upstream-only");
        String authorization = request.getHeaders().get("Authorization");
        int action = path.lastIndexOf(':');
        boolean gemini = action > 0 && path.substring(action + 1).endsWith("GenerateContent")
                || path.endsWith(":generateContent");
        FakeReplies answers = gemini
                ? new FakeGemini(body, behaviour, path.substring(path.lastIndexOf('/') + 1, action),
                request.getHeaders().get("x-goog-api-key"))
                : new FakeAnswers(body, behaviour, anthropic,
                authorization != null ? authorization : request.getHeaders().get("x-api-key"));
        if (behaviour.status() / 100 != 2) {
            if (behaviour.retryAfter() != null) {
                response.getHeaders().put("Retry-After", behaviour.retryAfter());
            }
            // as Anthropic's API does: a refused request is not worth retrying, an overload or a crash is
            boolean refused = behaviour.status() / 100 == 4 && behaviour.status() != 429;
            response.getHeaders().put("x-should-retry", Boolean.toString(!refused));
            write(response, callback, behaviour.status(), "application/json", answers.error());
            return;
        }
        if (path.endsWith("/embeddings")) {
            write(response, callback, 200, "application/json", FakeEmbeddings.answer(body, behaviour.promptTokens()));
            return;
        }
        boolean stream = gemini ? path.endsWith(":streamGenerateContent") : body.path("stream").asBoolean(false);
        if (!stream) {
            write(response, callback, 200, "application/json", answers.complete());
            return;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream");
        List<FakeAnswers.Event> events = answers.stream();
        int content = 0;
        try {
            for (FakeAnswers.Event event : events) {
                if (event.content() && content++ == behaviour.cutAfterChunks()) {
                    if (behaviour.errorText() != null) {
                        try (Blocker.Callback blocker = Blocker.callback()) {
                            response.write(true, ByteBuffer.wrap(answers.errorEvent().getBytes(StandardCharsets.UTF_8)),
                                    blocker);
                            blocker.block();
                        }
                        callback.succeeded();
                        return;
                    }
                    callback.failed(new IOException("cut by the fake upstream"));
                    return;
                }
                try (Blocker.Callback blocker = Blocker.callback()) {
                    response.write(false, ByteBuffer.wrap(event.wire().getBytes(StandardCharsets.UTF_8)), blocker);
                    blocker.block();
                }
                if (behaviour.chunkDelayMs() > 0) {
                    Thread.sleep(behaviour.chunkDelayMs());
                }
            }
            try (Blocker.Callback blocker = Blocker.callback()) {
                response.write(true, null, blocker);
                blocker.block();
            }
            callback.succeeded();
        } catch (IOException e) {
            cancelled.incrementAndGet();
            callback.failed(e);
        }
    }

    private static void write(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
