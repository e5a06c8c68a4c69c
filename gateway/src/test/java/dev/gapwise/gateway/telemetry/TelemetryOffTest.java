package dev.gapwise.gateway.telemetry;

import dev.gapwise.gateway.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** With telemetry off (the default) nothing of OpenTelemetry is loaded, started or sent. */
class TelemetryOffTest {
    @TempDir
    Path dir;

    @Test
    void offLoadsNoOpenTelemetryClassAcrossARequestsHooks() throws Exception {
        try (Isolated loader = new Isolated()) {
            Class<?> config = loader.loadClass("dev.gapwise.gateway.config.TelemetryConfig");
            Class<?> redactor = loader.loadClass("dev.gapwise.gateway.text.Redactor");
            Class<?> dialect = loader.loadClass("dev.gapwise.gateway.dialect.DialectKind");
            Class<?> telemetryType = loader.loadClass("dev.gapwise.gateway.telemetry.Telemetry");
            Object telemetry = telemetryType.getMethod("start", config, Map.class, redactor)
                    .invoke(null, config.getField("OFF").get(null), Map.of(),
                            redactor.getMethod("shapesOnly").invoke(null));
            Object trace = telemetryType.getMethod("begin", String.class, String.class, dialect, Function.class)
                    .invoke(telemetry, "req_1", "/v1/chat/completions", dialect.getEnumConstants()[0],
                            (Function<String, String>) name -> null);
            Class<?> traceType = loader.loadClass("dev.gapwise.gateway.telemetry.RequestTrace");
            Object current = traceType.getMethod("current").invoke(null);
            traceType.getMethod("finished", int.class, String.class).invoke(trace, 200, "ok");
            telemetryType.getMethod("close").invoke(telemetry);

            assertThat(telemetry.toString()).isEqualTo("INSTANCE");
            assertThat(current).isSameAs(trace);
            assertThat(loader.defined()).contains("dev.gapwise.gateway.telemetry.Telemetry$Off")
                    .noneMatch(name -> name.startsWith("io.opentelemetry"))
                    .doesNotContain("dev.gapwise.gateway.telemetry.OtlpTelemetry",
                            "dev.gapwise.gateway.telemetry.SpanTrace");
        }
    }

    @Test
    void aGatewayWithoutTelemetryStartsNoExporterThreadAndSendsNothing() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (OtlpReceiver receiver = OtlpReceiver.start();
             TestGateway gw = TestGateway.start(dir, """
                     telemetry:
                       enabled: false
                       endpoint: %s
                       export_interval: 50ms
                     """.formatted(receiver.baseUrl()))) {
            HttpResponse<String> response = gw.post("/v1/chat/completions", TestGateway.openAiChat("cheap-model", true));
            assertThat(response.statusCode()).isEqualTo(200);

            // threads this gateway started (an exporter's batching worker or HTTP client would show here)
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(thread -> !before.contains(thread))
                    .extracting(Thread::getName)
                    .noneMatch(name -> name.contains("BatchSpanProcessor") || name.contains("OkHttp"));
            assertThat(gw.upstream.received().getLast().headers().keySet())
                    .noneMatch(name -> name.equalsIgnoreCase("traceparent"));
            assertThat(receiver.spans()).isEmpty();
        }
    }

    /** Loads the gateway's classes afresh (child first) and remembers each class it defines. */
    private static final class Isolated extends URLClassLoader {
        private final Set<String> defined = ConcurrentHashMap.newKeySet();

        Isolated() throws Exception {
            super(classPath(), TelemetryOffTest.class.getClassLoader().getParent());
        }

        private static URL[] classPath() throws Exception {
            List<String> entries = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
            URL[] urls = new URL[entries.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = Path.of(entries.get(i)).toUri().toURL();
            }
            return urls;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> found = super.findClass(name);
            defined.add(name);
            return found;
        }

        Set<String> defined() {
            return Set.copyOf(defined);
        }
    }
}
