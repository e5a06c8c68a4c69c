package dev.gapwise.catalog;

import java.util.Objects;

/**
 * A data file that cannot be read as its format says: names the file, the line (when there is one) and
 * the problem, so the command line can print one clear sentence instead of a stack trace.
 */
public final class DataFileException extends RuntimeException {
    private final String file;
    private final long line;
    private final String problem;

    /**
     * @param file    the file's path or resource name
     * @param line    1-based line number where the problem starts, or 0 when it concerns the whole file
     * @param problem what is wrong, in words a user can act on
     */
    public DataFileException(String file, long line, String problem) {
        super(format(file, line, problem));
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public DataFileException(String file, long line, String problem, Throwable cause) {
        this(file, line, problem);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, long line, String problem) {
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
