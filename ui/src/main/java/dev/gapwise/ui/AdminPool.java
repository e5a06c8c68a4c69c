package dev.gapwise.ui;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The dashboard's own threads: a fixed few platform threads and a short queue, so a flood of dashboard requests
 * waits here (or is refused) instead of taking the inference path's database connections and threads. A page that
 * does not finish within its deadline is cancelled. Thread-safe.
 */
final class AdminPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final Duration deadline;

    /** The outcome of a task: its value, or why there is none. */
    sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        /** The queue was full: answer 503. */
        record Busy<T>() implements Outcome<T> {
        }

        /** It ran past the deadline and was cancelled: answer 503. */
        record TimedOut<T>() implements Outcome<T> {
        }

        record Failed<T>(Exception error) implements Outcome<T> {
        }
    }

    AdminPool(int threads, int queue, Duration deadline) {
        this.deadline = deadline;
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                Thread.ofPlatform().name("gapwise-ui-", 0).daemon(true).factory(), new ThreadPoolExecutor.AbortPolicy());
    }

    <T> Outcome<T> run(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException e) {
            return new Outcome.Busy<>();
        }
        try {
            return new Outcome.Done<>(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome.TimedOut<>();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome.Failed<>(e);
        } catch (ExecutionException e) {
            return new Outcome.Failed<>(e.getCause() instanceof Exception cause ? cause : e);
        }
    }

    /** Tasks waiting, for tests. */
    Optional<Integer> queued() {
        return Optional.of(executor.getQueue().size());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
