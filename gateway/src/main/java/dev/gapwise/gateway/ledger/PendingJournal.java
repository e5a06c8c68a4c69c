package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.config.ConfigException;
import dev.gapwise.gateway.dialect.neutral.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The local write-ahead file of rows not yet in the database: one JSON line per row, appended with a single
 * {@code write} (in the OS page cache at once, so it survives a killed process; {@code fsync} on each append
 * when asked, for power loss). The live file is rotated to {@code FILE.1} and the old segment deleted once the
 * database holds its rows. A row the database refuses goes to the dead-letter file {@code FILE.dead-letter}.
 *
 * <p>One process owns the files: it holds an exclusive lock on {@code FILE.lock} from construction to {@link
 * #close}, and a second gateway on the same file refuses to start (two writers would truncate each other's rows).
 * Callers synchronize; not thread-safe on its own.
 */
final class PendingJournal implements AutoCloseable {
    private static final ObjectWriter ROW = Json.MAPPER.writerFor(LedgerRow.class);

    /** The bytes of one line, kept between appends; an unusually long row's buffer is not kept. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        private static final int KEEP = 64 * 1024;

        LineBuffer() {
            super(4096);
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        void shrink() {
            if (buf.length > KEEP) {
                buf = new byte[4096];
            }
        }
    }

    private final LineBuffer line = new LineBuffer();
    private final Path live;
    private final Path retired;
    private final Path deadLetter;
    private final boolean fsync;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;

    PendingJournal(Path file, boolean fsync) {
        this.live = file.toAbsolutePath();
        this.retired = live.resolveSibling(live.getFileName() + ".1");
        this.deadLetter = live.resolveSibling(live.getFileName() + ".dead-letter");
        this.fsync = fsync;
        Path lockFile = live.resolveSibling(live.getFileName() + ".lock");
        try {
            Path parent = live.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger's lock file " + lockFile, e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            acquired = null;
        }
        if (acquired == null) {
            closeQuietly(lockChannel);
            throw new ConfigException("ledger.pending_file", "the pending file " + live + " is in use by another "
                    + "gapwise process (it holds " + lockFile + "); stop that one, or give this gateway its own "
                    + "ledger.pending_file");
        }
        this.lock = acquired;
        this.channel = open();
    }

    /** The live file's path, for messages. */
    Path path() {
        return live;
    }

    /** The dead-letter file's path, for messages. */
    Path deadLetterPath() {
        return deadLetter;
    }

    /**
     * Takes over the rows an earlier run left (retired segment first, a torn last line skipped): they are moved
     * into the retired segment, which is deleted once they are all committed, and returned in order.
     */
    List<LedgerRow> adoptLeftovers() {
        List<LedgerRow> rows = new ArrayList<>();
        rows.addAll(read(retired));
        boolean liveHasRows = size() > 0;
        rows.addAll(read(live));
        if (liveHasRows) {
            Path temporary = live.resolveSibling(live.getFileName() + ".1.tmp");
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                for (LedgerRow row : rows) {
                    out.write(Json.MAPPER.writeValueAsString(row));
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + temporary, e);
            }
            try {
                Files.move(temporary, retired, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                channel.truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move the leftover rows of " + live + " to " + retired, e);
            }
        }
        return rows;
    }

    private static List<LedgerRow> read(Path file) {
        List<LedgerRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        rows.add(Json.MAPPER.readValue(line, LedgerRow.class));
                    } catch (JacksonException e) {
                        // a line torn by a crash mid-write: its response never completed
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger's pending file " + file, e);
        }
        return rows;
    }

    /**
     * Appends the row as one JSON line with a single {@code write}: encoded as UTF-8 straight into a buffer this
     * journal reuses (no intermediate string), then written from it.
     */
    void append(LedgerRow row) {
        line.reset();
        ROW.writeValue(line, row);
        line.write('\n');
        try {
            ByteBuffer buffer = line.buffer();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger's pending file " + live, e);
        } finally {
            line.shrink();
        }
    }

    /** Keeps a row the database refused, with the reason, in the dead-letter file (always forced to disk). */
    void quarantine(LedgerRow row, String reason) {
        var line = Json.object().put("rejectedAt", Instant.now().toString()).put("error", reason);
        line.set("row", Json.MAPPER.valueToTree(row));
        try (FileChannel out = FileChannel.open(deadLetter, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger's dead-letter file " + deadLetter, e);
        }
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Moves the live file aside and starts a new one. */
    void rotate() {
        try {
            channel.close();
            Files.move(live, retired, StandardCopyOption.REPLACE_EXISTING);
            channel = open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the ledger's pending file " + live, e);
        }
    }

    /** Deletes the retired segment once the database holds all of its rows. */
    void dropRetired() {
        try {
            Files.deleteIfExists(retired);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + retired, e);
        }
    }

    /** Empties both files (every row in them is committed). */
    void clear() {
        dropRetired();
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + live, e);
        }
    }

    private FileChannel open() {
        try {
            return FileChannel.open(live, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger's pending file " + live, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it as well
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do with it
        }
    }
}
