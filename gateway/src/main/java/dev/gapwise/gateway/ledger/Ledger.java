package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.price.PricedAttempt;
import dev.gapwise.gateway.store.Database;
import dev.gapwise.gateway.text.LogValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable, asynchronous ledger writer.
 *
 * <p>How it works. {@link #record} appends the row to the pending file (the row is durable when it returns) and
 * queues it; one background thread inserts queued rows in batches (gathered over the batch window) and, every few
 * megabytes, rotates the pending file and deletes the old segment once its rows are committed. The request path
 * only appends under the lock; the database is touched by the writer thread alone, so a slow or absent database
 * never slows a request. Rows an earlier run left in the pending files are queued first at start, not inserted
 * before the gateway listens: the gateway starts and serves while the database is down, and they are written when
 * it returns. A failed write is classified: while the database is unreachable or busy the batch waits and is
 * retried (with a growing pause, up to two seconds); when the database answers but refuses rows, each row of the
 * batch is tried alone and a row it still refuses is quarantined — appended to the dead-letter file beside the
 * pending file, logged at ERROR and counted — so one poisoned row never blocks the rows behind it. Inserts are
 * idempotent by (request id, attempt), so retries and replays never duplicate a row. Thread-safe.
 */
public final class Ledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final int BATCH = 512;
    private static final long ROTATE_BYTES = 8L * 1024 * 1024;
    private static final long MAX_PAUSE_MILLIS = 2_000;

    private final LedgerStore store;
    private final PendingJournal journal;
    private final Object lock = new Object();
    private final ArrayDeque<LedgerRow> queue = new ArrayDeque<>();
    private final Thread writer;
    private final long batchWindowNanos;
    private long appended;
    private long committed;
    private long retiredUpTo = -1;
    private long quarantined;
    private long batches;
    private volatile boolean closing;
    private volatile Status status = new Status(true, Optional.empty(), Optional.empty());

    /**
     * The writer's view of the database.
     *
     * @param databaseUp the last write (or the start) found the database reachable
     * @param since      when the database was last found unreachable, while it is
     * @param lastError  the last write error, while the database is unreachable
     */
    public record Status(boolean databaseUp, Optional<Instant> since, Optional<String> lastError) {
    }

    /** A ledger that writes to the database as soon as rows arrive. */
    public Ledger(Database database, Path pendingFile, boolean fsync) {
        this(database, pendingFile, fsync, Duration.ZERO);
    }

    /**
     * @param batchWindow how long the writer gathers rows before each database write
     * @throws dev.gapwise.gateway.config.ConfigException when another process holds the pending file
     */
    public Ledger(Database database, Path pendingFile, boolean fsync, Duration batchWindow) {
        this.batchWindowNanos = batchWindow.toNanos();
        this.store = new LedgerStore(database);
        this.journal = new PendingJournal(pendingFile, fsync);
        List<LedgerRow> leftovers = journal.adoptLeftovers();
        if (!leftovers.isEmpty()) {
            queue.addAll(leftovers);
            appended = leftovers.size();
            retiredUpTo = leftovers.size();
            LOG.info("ledger: {} rows left in {} by an earlier run are queued; they are written as soon as the "
                    + "database answers", leftovers.size(), journal.path());
        }
        writer = Thread.ofPlatform().name("gapwise-ledger-writer").daemon(true).start(this::drain);
    }

    /** Makes the priced attempt's row durable and queues it for the database. */
    public void record(PricedAttempt attempt) {
        LedgerRow row = LedgerRow.of(attempt);
        if (row.anomaly() != null) {
            LOG.warn("ledger: request {} attempt {}: {}", LogValue.of(row.requestId()), row.attempt(),
                    LogValue.of(row.anomaly()));
        }
        synchronized (lock) {
            journal.append(row);
            appended++;
            queue.add(row);
            if (queue.size() == 1 || queue.size() == BATCH) {
                lock.notifyAll();
            }
        }
    }

    /** The writer's view of the database. */
    public Status status() {
        return status;
    }

    /** Rows durable in the pending file and not yet in the database. */
    public long pendingRows() {
        synchronized (lock) {
            return appended - committed;
        }
    }

    /** Rows the database refused, moved to the dead-letter file since start. */
    public long quarantinedRows() {
        synchronized (lock) {
            return quarantined;
        }
    }

    /** Batches the writer has taken from the queue since start (benchmarks: rows per batch). */
    long batches() {
        synchronized (lock) {
            return batches;
        }
    }

    /** True while the writer thread runs. */
    public boolean running() {
        return writer.isAlive();
    }

    /** True while the writer runs and the database takes rows. */
    public boolean healthy() {
        return writer.isAlive() && status.databaseUp();
    }

    /** Blocks until every row recorded so far is in the database (tests). */
    public void flush() throws InterruptedException {
        flush(Duration.ofDays(1));
    }

    /** Waits up to {@code timeout} for every row recorded so far to reach the database; true when they did. */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            long target = appended;
            while (committed < target && writer.isAlive()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.min(left, 100));
            }
            return committed >= target;
        }
    }

    private void drain() {
        List<LedgerRow> batch = new ArrayList<>(BATCH);
        while (true) {
            synchronized (lock) {
                while (queue.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (queue.isEmpty()) {
                    return;
                }
                long until = System.nanoTime() + batchWindowNanos;
                while (batchWindowNanos > 0 && !closing && queue.size() < BATCH && System.nanoTime() < until) {
                    try {
                        lock.wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                for (LedgerRow row = queue.peek(); row != null && batch.size() < BATCH; row = queue.peek()) {
                    batch.add(queue.poll());
                }
            }
            int done = write(batch);
            boolean dropRetired = false;
            synchronized (lock) {
                committed += done;
                batches++;
                if (done < batch.size()) {
                    // closing while the database is down: these rows stay in the pending file for the next start
                    batch.subList(done, batch.size()).reversed().forEach(queue::addFirst);
                    lock.notifyAll();
                    return;
                }
                if (retiredUpTo >= 0 && committed >= retiredUpTo) {
                    dropRetired = true;
                    retiredUpTo = -1;
                } else if (retiredUpTo < 0 && journal.size() > ROTATE_BYTES) {
                    journal.rotate();
                    retiredUpTo = appended;
                }
                lock.notifyAll();
            }
            if (dropRetired) {
                journal.dropRetired();
            }
            batch.clear();
        }
    }

    /**
     * Writes a batch: retried while the database is unavailable, row by row when it refuses the batch. Returns
     * how many rows of the batch are settled (committed or quarantined): all of them, unless the ledger closes
     * while the database is unavailable.
     */
    private int write(List<LedgerRow> batch) {
        long pause = 250;
        while (true) {
            Exception failure;
            try {
                store.insert(batch);
                up();
                return batch.size();
            } catch (Exception e) {
                failure = e;
            }
            if (store.classify(failure) == LedgerStore.Refusal.REFUSED && isolate(batch)) {
                up();
                return batch.size();
            }
            down(failure);
            if (closing || !pause(pause)) {
                return 0;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    /** Inserts each row alone, quarantining those the database refuses; false when the database became unavailable. */
    private boolean isolate(List<LedgerRow> batch) {
        for (LedgerRow row : batch) {
            try {
                store.insert(List.of(row));
            } catch (Exception e) {
                if (store.classify(e) == LedgerStore.Refusal.UNAVAILABLE) {
                    return false;
                }
                quarantine(row, e);
            }
        }
        return true;
    }

    private void quarantine(LedgerRow row, Exception refusal) {
        String reason = String.valueOf(refusal.getMessage());
        journal.quarantine(row, reason);
        synchronized (lock) {
            quarantined++;
        }
        LOG.error("ledger: the database refused the row of request {} attempt {} ({}); it is kept in {} and not retried",
                LogValue.of(row.requestId()), row.attempt(), LogValue.of(reason), journal.deadLetterPath());
    }

    private void up() {
        if (!status.databaseUp()) {
            LOG.info("ledger: the database answers again; writing the rows kept in {}", journal.path());
        }
        status = new Status(true, Optional.empty(), Optional.empty());
    }

    private void down(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        if (status.databaseUp()) {
            LOG.warn("ledger: the database is unavailable ({}); rows stay durable in {} and are written when it returns",
                    LogValue.of(message), journal.path());
            status = new Status(false, Optional.of(Instant.now()), Optional.of(message));
        } else {
            status = new Status(false, status.since(), Optional.of(message));
        }
    }

    private boolean pause(long millis) {
        synchronized (lock) {
            try {
                long until = System.currentTimeMillis() + millis;
                while (!closing && System.currentTimeMillis() < until) {
                    lock.wait(Math.max(1, until - System.currentTimeMillis()));
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops the writer: waits up to {@code grace} for the database to take the queued rows; rows it could not
     * take stay in the pending file for the next start (and this says so).
     */
    public void close(Duration grace) {
        try {
            flush(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (committed == appended) {
                journal.clear();
            } else {
                LOG.warn("ledger: {} rows are not in the database yet; they stay in {} and are written at the next start",
                        appended - committed, journal.path());
            }
        }
        journal.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
