package dev.gapwise.gateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway in its own JVM ({@code ledger.GatewayProcessMain}), for what only a process shows: kill -9, SIGTERM, a
 * bounded heap. Its output is kept for the test to read.
 */
public final class GatewayProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a gateway on {@code config} with extra JVM options, and waits until it listens. */
    public static GatewayProcess start(Path config, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.gapwise.gateway.ledger.GatewayProcessMain", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        List<String> early = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                GatewayProcess started = new GatewayProcess(process, Integer.parseInt(line.substring(6).strip()));
                started.output.addAll(early);
                Thread.ofVirtual().start(() -> {
                    try {
                        out.lines().forEach(started.output::add);
                    } catch (java.io.UncheckedIOException e) {
                        // the process ended
                    }
                });
                return started;
            }
            early.add(line);
        }
        throw new IllegalStateException("the gateway process ended before it was ready: " + String.join("\n", early));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** What the process printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM, then waits for the exit; returns the exit code. */
    public int terminate(long timeoutMillis) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the gateway did not exit within " + timeoutMillis + " ms of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
