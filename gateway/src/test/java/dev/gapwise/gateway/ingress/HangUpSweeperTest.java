package dev.gapwise.gateway.ingress;

import dev.gapwise.gateway.call.Cancellation;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deferred hang-up watch on a real Jetty end point and scheduler. */
class HangUpSweeperTest {
    private static final Duration GRACE = Duration.ofMillis(40);
    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("sweeper-test", true);

    @BeforeEach
    void start() throws Exception {
        scheduler.start();
    }

    @AfterEach
    void stop() throws Exception {
        scheduler.stop();
    }

    @Test
    void aCallThatEndsWithinTheGraceNeverRegistersReadInterest() throws Exception {
        HangUpSweeper sweeper = new HangUpSweeper(GRACE);
        ByteArrayEndPoint endPoint = new ByteArrayEndPoint(scheduler, 30_000);
        HangUpSweeper.Watch watch = sweeper.watch(endPoint, new Cancellation(), scheduler);
        assertFalse(watch.stop(), "nothing unexpected was read");
        Thread.sleep(GRACE.toMillis() * 4);
        assertFalse(endPoint.isFillInterested(), "a stopped watch must not start after its grace");
    }

    @Test
    void aLongerCallIsWatchedAfterTheGraceAndAHangUpCancelsIt() throws Exception {
        HangUpSweeper sweeper = new HangUpSweeper(GRACE);
        ByteArrayEndPoint endPoint = new ByteArrayEndPoint(scheduler, 30_000);
        Cancellation cancellation = new Cancellation();
        long start = System.nanoTime();
        HangUpSweeper.Watch watch = sweeper.watch(endPoint, cancellation, scheduler);
        assertFalse(endPoint.isFillInterested(), "not watched during the grace");
        waitFor(endPoint::isFillInterested, 2_000);
        assertTrue(System.nanoTime() - start >= GRACE.toNanos(), "watched only once the grace has passed");
        endPoint.addInputEOF();
        waitFor(() -> cancellation.reason().isPresent(), 2_000);
        assertEquals(Optional.of(Cancellation.Reason.CLIENT_GONE), cancellation.reason());
        assertFalse(watch.stop());
    }

    @Test
    void manyCallsArrivingOverTimeAreEachWatchedOrSkipped() throws Exception {
        HangUpSweeper sweeper = new HangUpSweeper(GRACE);
        ByteArrayEndPoint[] points = new ByteArrayEndPoint[20];
        HangUpSweeper.Watch[] watches = new HangUpSweeper.Watch[points.length];
        for (int i = 0; i < points.length; i++) {
            points[i] = new ByteArrayEndPoint(scheduler, 30_000);
            watches[i] = sweeper.watch(points[i], new Cancellation(), scheduler);
            if (i % 2 == 0) {
                watches[i].stop();
            }
            Thread.sleep(5);
        }
        for (int i = 1; i < points.length; i += 2) {
            waitFor(points[i]::isFillInterested, 2_000);
        }
        for (int i = 0; i < points.length; i += 2) {
            assertFalse(points[i].isFillInterested(), "call " + i + " ended before its grace");
        }
        // the sweeper goes idle and wakes again for a later call
        Thread.sleep(GRACE.toMillis() * 3);
        ByteArrayEndPoint late = new ByteArrayEndPoint(scheduler, 30_000);
        sweeper.watch(late, new Cancellation(), scheduler);
        waitFor(late::isFillInterested, 2_000);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "condition not met within " + millis + " ms");
            Thread.sleep(2);
        }
    }
}
