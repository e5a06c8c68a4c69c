package dev.gapwise.gateway.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP trace receiver on 127.0.0.1 for tests, over HTTP/protobuf ({@link #start}, the JDK's HTTP server) or gRPC
 * ({@link #startGrpc}, Jetty over HTTP/2 without TLS): it decodes each export with the OpenTelemetry protobuf
 * classes, keeps every span it received (with its resource's service name), and answers as a collector does.
 */
final class OtlpReceiver implements AutoCloseable {
    /** One received span, its ids as hex and its attributes as plain Java values. */
    record Received(String service, String name, Span.SpanKind kind, String traceId, String spanId,
                    String parentSpanId, Map<String, Object> attributes, List<String> events,
                    io.opentelemetry.proto.trace.v1.Status.StatusCode status, long startNanos, long endNanos) {
        Object attribute(String key) {
            return attributes.get(key);
        }
    }

    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> exportHeaders = new CopyOnWriteArrayList<>();
    private Runnable stop = () -> { };
    private int port;

    private OtlpReceiver() {
    }

    /** A receiver of OTLP over HTTP/protobuf at {@code /v1/traces}. */
    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver();
            server.createContext("/v1/traces", receiver::export);
            server.start();
            receiver.port = server.getAddress().getPort();
            receiver.stop = () -> server.stop(0);
            return receiver;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A receiver of OTLP over gRPC (the trace service's Export method), HTTP/2 with prior knowledge. */
    static OtlpReceiver startGrpc() {
        OtlpReceiver receiver = new OtlpReceiver();
        org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server();
        org.eclipse.jetty.server.ServerConnector connector = new org.eclipse.jetty.server.ServerConnector(server,
                new org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory(
                        new org.eclipse.jetty.server.HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new GrpcExport(receiver));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        receiver.port = connector.getLocalPort();
        receiver.stop = () -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return receiver;
    }

    /** {@code POST /opentelemetry.proto.collector.trace.v1.TraceService/Export}: one length-prefixed message each way. */
    private static final class GrpcExport extends org.eclipse.jetty.server.Handler.Abstract {
        private final OtlpReceiver receiver;

        GrpcExport(OtlpReceiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              org.eclipse.jetty.util.Callback callback) throws IOException {
            if (!request.getHttpURI().getPath().equals("/opentelemetry.proto.collector.trace.v1.TraceService/Export")) {
                return false;
            }
            byte[] framed = org.eclipse.jetty.io.Content.Source.asInputStream(request).readAllBytes();
            java.nio.ByteBuffer frame = java.nio.ByteBuffer.wrap(framed);
            if (frame.get() != 0) {
                throw new IOException("compressed gRPC messages are not expected here");
            }
            byte[] message = new byte[frame.getInt()];
            frame.get(message);
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().forEach(field -> headers.put(field.getLowerCaseName(), field.getValue()));
            receiver.accept(ExportTraceServiceRequest.parseFrom(message), headers);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(5 + answer.length).put((byte) 0)
                    .putInt(answer.length).put(answer).flip();
            response.setStatus(200);
            response.getHeaders().put("content-type", "application/grpc");
            response.setTrailersSupplier(() -> org.eclipse.jetty.http.HttpFields.build().put("grpc-status", "0"));
            response.write(true, out, callback);
            return true;
        }
    }

    /** The base URL (no path): for HTTP the gateway adds {@code /v1/traces}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(body) : body;
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    values.getFirst()));
            accept(request, headers);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private void accept(ExportTraceServiceRequest request, Map<String, String> headers) {
        exportHeaders.add(headers);
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(kv -> kv.getKey().equals("service.name")).map(kv -> kv.getValue().getStringValue())
                    .findFirst().orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(received(service, span));
                }
            }
        }
    }

    private static Received received(String service, Span span) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (KeyValue kv : span.getAttributesList()) {
            attributes.put(kv.getKey(), value(kv.getValue()));
        }
        HexFormat hex = HexFormat.of();
        return new Received(service, span.getName(), span.getKind(), hex.formatHex(span.getTraceId().toByteArray()),
                hex.formatHex(span.getSpanId().toByteArray()), hex.formatHex(span.getParentSpanId().toByteArray()),
                attributes, span.getEventsList().stream().map(Span.Event::getName).toList(),
                span.getStatus().getCode(), span.getStartTimeUnixNano(), span.getEndTimeUnixNano());
    }

    private static Object value(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpReceiver::value).toList();
            case KVLIST_VALUE, BYTES_VALUE, STRING_VALUE_STRINDEX, VALUE_NOT_SET -> value.toString();
        };
    }

    /** Every span received so far. */
    List<Received> spans() {
        return List.copyOf(spans);
    }

    /** The headers of every export received so far. */
    List<Map<String, String>> exportHeaders() {
        return List.copyOf(exportHeaders);
    }

    /** Waits (up to {@code timeout}) until {@code count} spans match, and returns them in the order received. */
    List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> found = spans.stream().filter(match).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** The request span of a gateway request, by its {@code x-gapwise-request-id}. */
    Optional<Received> requestSpan(String requestId) {
        return await(span -> requestId.equals(span.attribute("gapwise.request.id")), 1, Duration.ofSeconds(10))
                .stream().findFirst();
    }

    @Override
    public void close() {
        stop.run();
    }
}
