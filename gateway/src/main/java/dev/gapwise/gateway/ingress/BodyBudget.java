package dev.gapwise.gateway.ingress;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all request bodies in flight may take together. Each request holds a {@link Ticket} that it charges
 * as it reads its body and as it learns the size of the parsed form, and that gives everything back when the
 * request ends. A charge that does not fit is refused at once (the edge answers 503): an attacker's bodies wait
 * for nothing and cannot exhaust the heap. One request alone may exceed the budget, so a legitimate large body
 * is never refused forever. Thread-safe.
 */
final class BodyBudget {
    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Bytes charged by requests in flight now. */
    long used() {
        return used.get();
    }

    long capacity() {
        return capacity;
    }

    Ticket ticket() {
        return new Ticket();
    }

    /** One request's charge. Used by one thread. */
    final class Ticket implements AutoCloseable {
        private long held;

        /** Charges {@code bytes} more; false (nothing charged) when they do not fit. */
        boolean charge(long bytes) {
            while (true) {
                long current = used.get();
                boolean alone = current == held;
                if (current + bytes > capacity && !alone) {
                    return false;
                }
                if (used.compareAndSet(current, current + bytes)) {
                    held += bytes;
                    return true;
                }
            }
        }

        @Override
        public void close() {
            used.addAndGet(-held);
            held = 0;
        }
    }
}
