package dev.gapwise.gateway.ledger;

import dev.gapwise.gateway.provider.Json;
import tools.jackson.core.JacksonException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local write-ahead file of rows not yet in the database: one JSON line per row, appended with a single
 * {@code write} (in the OS page cache at once, so it survives a killed process; {@code fsync} on each append
 * when asked, for power loss). The live file is rotated to {@code FILE.1} and the old segment deleted once the
 * database holds its rows. Callers synchronize; not thread-safe on its own.
 */
final class PendingJournal implements AutoCloseable {
    private final Path live;
    private final Path retired;
    private final boolean fsync;
    private FileChannel channel;

    PendingJournal(Path file, boolean fsync) {
        this.live = file.toAbsolutePath();
        this.retired = live.resolveSibling(live.getFileName() + ".1");
        this.fsync = fsync;
        this.channel = open();
    }

    /** Rows left by an earlier run (retired segment first), skipping a torn last line. */
    List<LedgerRow> leftovers() {
        List<LedgerRow> rows = new ArrayList<>();
        for (Path file : List.of(retired, live)) {
            if (!Files.exists(file)) {
                continue;
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
        }
        return rows;
    }

    void append(LedgerRow row) {
        byte[] line = (Json.MAPPER.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (fsync) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the ledger's pending file " + live, e);
        }
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return 0;
        }
    }

    boolean hasRetired() {
        return Files.exists(retired);
    }

    /** Moves the live file aside and starts a new one. */
    void rotate() {
        try {
            channel.close();
            Files.move(live, retired, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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

    /** Empties both files (after a replay committed their rows). */
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
            Path parent = live.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return FileChannel.open(live, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger's pending file " + live, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
