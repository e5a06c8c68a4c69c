package dev.gapwise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The exit code and output of one in-process run of the command line.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record CommandResult(int exitCode, String out, String err) {
    static CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandResult(code, out.toString(), err.toString());
    }

    static String sharedData(String sub) {
        return java.nio.file.Path.of(System.getProperty("gapwise.shared.data", "../../shared/data")).resolve(sub)
                .toString();
    }
}
