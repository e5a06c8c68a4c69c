package dev.gapwise.gateway.ingress;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body (blocking; the caller is a virtual thread) within a size limit, a total deadline — a body
 * dripped a byte at a time cannot hold a request open past it — and the in-flight memory budget, charged as the
 * bytes arrive. The bytes are checked against the JSON limits as they arrive ({@link IngressJson.Scan}): a body
 * of millions of elements or deep nesting is refused as {@link Result.Broken} after its first kilobytes, without
 * reading (or keeping) the rest. Stateless.
 */
final class BodyReader {
    /** Bytes held in a growing buffer before one of the declared length is made: most hostile bodies fail sooner. */
    static final int EARLY_BYTES = 1 << 20;

    private BodyReader() {
    }

    sealed interface Result {
        record Read(byte[] bytes) implements Result {
        }

        record TooLarge() implements Result {
        }

        record TimedOut() implements Result {
        }

        record OverBudget() implements Result {
        }

        record Broken(String message) implements Result {
        }
    }

    static Result read(Request request, int limit, Duration deadline, BodyBudget.Ticket ticket) {
        long declared = request.getLength();
        if (declared > limit) {
            return new Result.TooLarge();
        }
        if (declared >= 0 && !ticket.charge(declared)) {
            return new Result.OverBudget();
        }
        byte[] bytes = new byte[declared >= 0 ? (int) Math.min(declared, EARLY_BYTES) : 8192];
        int size = 0;
        IngressJson.Scan scan = new IngressJson.Scan();
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                long left = until - System.nanoTime();
                if (left <= 0 || !await(request, left)) {
                    return new Result.TimedOut();
                }
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return new Result.Broken(chunk.getFailure().getClass().getSimpleName());
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if (size + (long) n > limit) {
                    return new Result.TooLarge();
                }
                if (declared < 0 && !ticket.charge(n)) {
                    return new Result.OverBudget();
                }
                if (size + n > bytes.length) {
                    int grown = declared >= size + n ? (int) declared : Math.max(size + n, bytes.length * 2);
                    bytes = Arrays.copyOf(bytes, Math.min(limit, grown));
                }
                buffer.get(bytes, size, n);
                if (!scan.feed(bytes, size, n)) {
                    return new Result.Broken(RequestParser.notJson(scan.refusal()));
                }
                size += n;
                if (chunk.isLast()) {
                    return new Result.Read(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
                }
            } finally {
                chunk.release();
            }
        }
    }

    /**
     * Waits for more body bytes; false when none came in time. The wake-up is non-blocking (it only unparks this
     * thread), so Jetty runs it on its I/O thread instead of starting a virtual thread for each chunk of the body.
     */
    private static boolean await(Request request, long nanos) {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        request.demand(Invocable.from(Invocable.InvocationType.NON_BLOCKING, () -> ready.complete(null)));
        try {
            ready.get(nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }
}
