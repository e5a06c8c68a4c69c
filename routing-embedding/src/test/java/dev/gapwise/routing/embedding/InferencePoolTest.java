package dev.gapwise.routing.embedding;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Inference runs on the pool's own threads; a full pool or a slow one answers "nothing" instead of piling up. */
class InferencePoolTest {

    @Test
    void runsWorkOnItsOwnPlatformThreads() {
        InferencePool pool = new InferencePool(1, 4, Duration.ofSeconds(2));
        Optional<String> thread = pool.run(input -> Thread.currentThread().getName() + ":"
                + Thread.currentThread().isVirtual() + ":" + input, "x");
        assertThat(thread).hasValue("gapwise-embedding:false:x");
    }

    @Test
    void aFullPoolAndAMissedDeadlineGiveNothing() throws Exception {
        InferencePool pool = new InferencePool(1, 1, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            var busy = callers.submit(() -> pool.run(input -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return input;
            }, "busy"));
            Thread.sleep(50);
            var queued = callers.submit(() -> pool.run(input -> input, "queued"));
            Thread.sleep(50);
            assertThat(pool.run(input -> input, "refused")).as("queue full").isEmpty();
            assertThat(busy.get()).as("past its deadline").isEmpty();
            assertThat(queued.get()).as("past its deadline while waiting").isEmpty();
            release.countDown();
        }
    }
}
