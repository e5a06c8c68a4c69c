package dev.gapwise.gateway.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, case 5, and issue 14's memory target: a valid 8 MB body of 2.7 million {@code {}} cost about 700 MB of
 * heap as a tree; 16 in parallel took the process to 3.7 GB and {@code /healthz} to 5.8 s. Here a gateway with a
 * 256 MB heap ({@code -Xmx256m}, well under the 1 GB target: it would die of OutOfMemoryError without the limits)
 * takes {@value HostileBodies#CLIENTS} clients sending 8 MB hostile bodies for {@value #ATTACK_MILLIS} ms
 * ({@link HostileBodies}); every body of millions of elements or deep nesting must get a 4xx or 503 (a body that is
 * one huge string is valid, and is served while the budget allows), and a legitimate request must still be served.
 *
 * <p>Meanwhile a probe on its own connection times {@code /healthz}, {@code /readyz} and {@code /metrics} every
 * {@value HostileBodies#PROBE_PAUSE_MILLIS} ms (130–180 rounds): {@code /healthz} must answer within
 * {@value #HEALTHZ_MILLIS} ms at the 95th percentile, and every probe within {@value #PROBE_MAX_MILLIS} ms. A
 * percentile, not the maximum, and the 95th rather than the 99th (over 150 rounds, the 99th is the second-slowest
 * sample): on the shared 2-core machine, with this test's own JVM attacking from the same cores, single samples
 * of 130–250 ms came from GC pauses of the full 256 MB heap and the OS scheduler (the gateway's platform threads
 * measured oversleeping by up to 250 ms while other builds ran), not from the gateway's code. Measured in this
 * test after issue 14: p95 18–30 ms, p99 51–131 ms; before, the probes waited behind the virtual threads reading
 * and parsing the bodies (p95 0.13–0.28 s, p99 0.23–0.9 s; docs/benchmarks.md). They are now answered on Jetty's
 * own threads.
 */
class MemoryBoundTest {
    static final long ATTACK_MILLIS = 8_000;
    static final long HEALTHZ_MILLIS = 100;
    static final long PROBE_MAX_MILLIS = 1_000;

    @TempDir
    Path dir;

    @Test
    void hostileEightMegabyteBodiesInParallelStayWithinTheHeapAndHealthzStaysFast() throws Exception {
        HostileBodies.Outcome outcome = HostileBodies.run(dir, ATTACK_MILLIS, "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError");
        System.out.println("memory bound: " + outcome.summary());

        assertThat(outcome.alive()).as("no OutOfMemoryError: " + outcome.output()).isTrue();
        // 408: on a busy machine a body can miss the read deadline before it is refused; that is a refusal too
        assertThat(outcome.refused()).as("millions of elements, or nesting: refused")
                .isNotEmpty().allSatisfy(status -> assertThat(status).isIn(400, 408, 413, 503));
        assertThat(outcome.hugeString()).as("one 8 MB string is valid: served while the budget allows, else 503")
                .isNotEmpty().allSatisfy(status -> assertThat(status).isIn(200, 408, 503));
        assertThat(outcome.healthzStatuses()).as("/healthz answers").hasSizeGreaterThan(50)
                .allSatisfy(status -> assertThat(status).isEqualTo(200));
        assertThat(HostileBodies.percentile(outcome.healthz(), 95) / 1_000_000)
                .as("/healthz p95 in ms (%s)", outcome.summary()).isLessThan(HEALTHZ_MILLIS);
        for (long[] endpoint : new long[][]{outcome.healthz(), outcome.readyz(), outcome.metrics()}) {
            assertThat(HostileBodies.percentile(endpoint, 100) / 1_000_000)
                    .as("slowest probe in ms (%s)", outcome.summary()).isLessThan(PROBE_MAX_MILLIS);
        }
        assertThat(outcome.peakHeap()).as("peak heap sampled from /metrics").isPositive()
                .isLessThan(256L * 1024 * 1024);
        assertThat(outcome.legit()).isEqualTo(200);
    }
}
