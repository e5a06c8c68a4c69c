package dev.gapwise.routing.embedding;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Runs sentence-encoder inference on a few platform threads of its own. The gateway serves requests on virtual
 * threads, and a virtual thread inside a long native call (ONNX Runtime) holds its carrier thread: on a 2-core
 * machine two such calls would stop every other request, health checks included. Here the request's virtual thread
 * waits for a future (unmounted, its carrier free) while a bounded pool does the work. When the queue is full or the
 * deadline passes, the caller gets nothing and decides what that means (the second opinion escalates: a miss is a
 * safety failure, a false alarm only costs money). Thread-safe; the threads are daemons.
 */
final class InferencePool {
    private final ThreadPoolExecutor executor;
    private final Duration deadline;

    /**
     * @param threads  inference threads (each also uses ONNX Runtime's own intra-op threads)
     * @param queue    requests that may wait; more are refused at once
     * @param deadline how long a caller waits for its result
     */
    InferencePool(int threads, int queue, Duration deadline) {
        this.deadline = deadline;
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, "gapwise-embedding");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** The pool the bundled second opinion uses: one thread per two cores (at least one), 256 waiting, 2 s. */
    static InferencePool standard() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new InferencePool(threads, 256, Duration.ofSeconds(2));
    }

    /** {@code work} applied to {@code input} on the pool, or empty when the pool is full or the deadline passed. */
    <T> Optional<T> run(Function<String, T> work, String input) {
        Future<T> future;
        try {
            future = executor.submit(() -> work.apply(input));
        } catch (RejectedExecutionException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(future.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(false);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("sentence encoder failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
