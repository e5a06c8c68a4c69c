package dev.gapwise.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's pool refuses work beyond its queue and stops work past its deadline. */
class AdminPoolTest {
    @Test
    void aFullQueueIsBusyAndASlowPageTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (AdminPool pool = new AdminPool(1, 1, Duration.ofMillis(300));
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<AdminPool.Outcome<String>> running = callers.submit(() -> pool.run(() -> {
                release.await();
                return "first";
            }));
            Thread.sleep(50);
            Future<AdminPool.Outcome<String>> queued = callers.submit(() -> pool.run(() -> "second"));
            Thread.sleep(50);
            assertThat(pool.run(() -> "third")).isInstanceOf(AdminPool.Outcome.Busy.class);
            assertThat(running.get()).isInstanceOf(AdminPool.Outcome.TimedOut.class);
            release.countDown();
            assertThat(queued.get()).isIn(new AdminPool.Outcome.Done<>("second"), new AdminPool.Outcome.TimedOut<>());
        }
    }
}
