package dev.gapwise.gateway.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A diagnostic for {@link HostileBodies}, loaded into the gateway's JVM as a Java agent: every
 * {@value #PERIOD_MILLIS} ms a platform thread measures how late its own sleep ends (the operating system and
 * safepoints) and how long a new virtual thread waits for a carrier (the virtual-thread scheduler's queue), and
 * prints both every two seconds as a {@code LATENESS} line. Not used by any test.
 */
public final class SchedulingLateness {
    static final long PERIOD_MILLIS = 10;

    private SchedulingLateness() {
    }

    /** The agent's entry point. */
    public static void premain(String args) {
        Thread.ofPlatform().daemon().name("scheduling-lateness").start(SchedulingLateness::sample);
    }

    /** A jar holding only a manifest that names this class as the agent (the class itself is on the class path). */
    static Path agentJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), SchedulingLateness.class.getName());
        Path jar = dir.resolve("scheduling-lateness.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static void sample() {
        long[] platform = new long[256];
        long[] virtual = new long[256];
        int n = 0;
        long report = System.nanoTime() + 2_000_000_000L;
        try {
            while (true) {
                long start = System.nanoTime();
                Thread.sleep(PERIOD_MILLIS);
                platform[n] = System.nanoTime() - start - PERIOD_MILLIS * 1_000_000;
                CountDownLatch ran = new CountDownLatch(1);
                long[] startedAt = new long[1];
                long submitted = System.nanoTime();
                Thread.ofVirtual().start(() -> {
                    startedAt[0] = System.nanoTime();
                    ran.countDown();
                });
                ran.await();
                virtual[n] = startedAt[0] - submitted;
                n++;
                if (n == platform.length || System.nanoTime() > report) {
                    System.out.printf("LATENESS n=%d sleep-overrun p50 %.1f p99 %.1f max %.1f ms; virtual-start "
                                    + "p50 %.1f p99 %.1f max %.1f ms%n", n, at(platform, n, 50), at(platform, n, 99),
                            at(platform, n, 100), at(virtual, n, 50), at(virtual, n, 99), at(virtual, n, 100));
                    n = 0;
                    report = System.nanoTime() + 2_000_000_000L;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double at(long[] values, int n, double p) {
        return HostileBodies.percentile(Arrays.copyOf(values, n), p) / 1e6;
    }
}
