package dev.gapwise.cli;

import dev.gapwise.catalog.DataFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Entry point of the {@code gapwise} executable. */
@Command(name = "gapwise",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
                "Measures how far open-weight and Chinese LLMs trail the closed frontier, and routes LLM",
                "traffic to the cheapest deployment its risk policy allows."},
        subcommands = {
                GapCommand.class,
                CatalogCommand.class,
                ImportCommand.class,
                ServeCommand.class,
                KeysCommand.class,
                TeamsCommand.class,
                BudgetsCommand.class,
                LedgerCommand.class,
                TrainCommand.class,
                EvalCommand.class,
                RouteCommand.class,
                ShadowCommand.class,
                DistillCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for errors in the user's input (bad file, bad option value). */
    static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(Main::handleError);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        switch (e) {
            case DataFileException data -> err.println("gapwise: " + data.getMessage());
            case UserException user -> err.println("gapwise: " + user.getMessage());
            case dev.gapwise.gateway.config.ConfigException config -> err.println("gapwise: " + config.getMessage());
            default -> {
                err.println("gapwise: internal error: " + e);
                e.printStackTrace(err);
                return 1;
            }
        }
        return USER_ERROR;
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gapwise " + (version == null ? "development build" : version)};
        }
    }
}
