package dev.gapwise.gateway.ledger;

import dev.gapwise.catalog.Deployment;
import dev.gapwise.gateway.call.Attempt;
import dev.gapwise.gateway.call.AttemptSink;
import dev.gapwise.gateway.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The durable, asynchronous ledger writer. {@link #record} appends the row to the pending file (the row is
 * durable when it returns) and queues it; one background thread inserts queued rows in batches (gathered over
 * the batch window) and, every few megabytes, rotates the pending file and deletes the old segment once its rows
 * are committed. The request path only appends under the lock; file housekeeping happens on the writer thread.
 * Rows a crash leaves in the pending file are replayed at the next start, idempotently. Thread-safe.
 */
public final class Ledger implements AttemptSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final int BATCH = 512;
    private static final long ROTATE_BYTES = 8L * 1024 * 1024;

    private final LedgerStore store;
    private final PendingJournal journal;
    private final Optional<Deployment> reference;
    private final Consumer<LedgerRow> observer;
    private final Object lock = new Object();
    private final ArrayDeque<LedgerRow> queue = new ArrayDeque<>();
    private final Thread writer;
    private final long batchWindowNanos;
    private long appended;
    private long committed;
    private long retiredUpTo = -1;
    private volatile boolean closing;
    private volatile String lastError;

    /** A ledger that writes to the database as soon as rows arrive. */
    public Ledger(Database database, java.nio.file.Path pendingFile, boolean fsync, Optional<Deployment> reference,
                  Consumer<LedgerRow> observer) {
        this(database, pendingFile, fsync, java.time.Duration.ZERO, reference, observer);
    }

    /**
     * @param batchWindow how long the writer gathers rows before each database write
     * @param observer    sees each row as it is recorded (metrics); must be fast and not throw
     */
    public Ledger(Database database, java.nio.file.Path pendingFile, boolean fsync, java.time.Duration batchWindow,
                  Optional<Deployment> reference, Consumer<LedgerRow> observer) {
        this.batchWindowNanos = batchWindow.toNanos();
        this.store = new LedgerStore(database);
        this.journal = new PendingJournal(pendingFile, fsync);
        this.reference = reference;
        this.observer = observer;
        replay();
        writer = Thread.ofPlatform().name("gapwise-ledger-writer").daemon(true).start(this::drain);
    }

    /** Makes the attempt's row durable and queues it for the database. */
    @Override
    public void record(Attempt attempt) {
        LedgerRow row = LedgerRow.of(attempt, reference);
        synchronized (lock) {
            journal.append(row);
            appended++;
            queue.add(row);
            if (queue.size() == 1 || queue.size() == BATCH) {
                lock.notifyAll();
            }
        }
        observer.accept(row);
    }

    /** The reference deployment that baselines are priced at. */
    public Optional<Deployment> reference() {
        return reference;
    }

    /** True while the writer runs and its last database write succeeded. */
    public boolean healthy() {
        return writer.isAlive() && lastError == null;
    }

    /** Blocks until every row recorded so far is in the database (tests, shutdown). */
    public void flush() throws InterruptedException {
        synchronized (lock) {
            long target = appended;
            while (committed < target && writer.isAlive()) {
                lock.wait(100);
            }
        }
    }

    private void replay() {
        List<LedgerRow> rows = journal.leftovers();
        if (rows.isEmpty()) {
            journal.clear();
            return;
        }
        try {
            for (int i = 0; i < rows.size(); i += BATCH) {
                store.insert(rows.subList(i, Math.min(rows.size(), i + BATCH)));
            }
            journal.clear();
            LOG.info("ledger: replayed {} pending rows from an earlier run", rows.size());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot replay the ledger's pending rows into the database: " + e.getMessage(), e);
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
                while (!queue.isEmpty() && batch.size() < BATCH) {
                    batch.add(queue.poll());
                }
            }
            if (!write(batch)) {
                continue;
            }
            boolean dropRetired = false;
            synchronized (lock) {
                committed += batch.size();
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

    /** Writes a batch, retrying with a pause while the database is down; rows stay in the pending file meanwhile. */
    private boolean write(List<LedgerRow> batch) {
        while (true) {
            try {
                store.insert(batch);
                lastError = null;
                return true;
            } catch (SQLException | RuntimeException e) {
                if (lastError == null) {
                    LOG.warn("ledger: database write failed, rows stay in the pending file and will be retried: {}",
                            e.getMessage());
                }
                lastError = String.valueOf(e.getMessage());
                if (closing) {
                    return false;
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    @Override
    public void close() {
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
            }
        }
        journal.close();
    }
}
