package io.openmanager.vibe.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code vibe} command: entry point of {@code vibe.jar}.
 *
 * <p>{@link #run(String[], PrintWriter, PrintWriter)} parses and executes a command line and returns its exit code
 * without exiting the JVM, so tests and host applications can run it in-process; only {@link #main(String[])} calls
 * {@link System#exit(int)}.
 *
 * <p>Exit codes: {@value #EXIT_OK} success, {@value #EXIT_RUNTIME_ERROR} runtime error, {@value #EXIT_USAGE_ERROR}
 * usage error. An error prints one line on standard error; {@code --debug} adds the stack trace.
 */
@Command(name = "vibe",
        // INHERIT gives every subcommand -h/--help and -V/--version without repeating it on each class.
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Simulates a fleet of servers and analyses its metrics.",
        subcommands = {DemoCommand.class, FleetCommand.class, SimulateCommand.class, ReportCommand.class,
                ScenarioCommand.class, DetectCommand.class, NabScoreCommand.class, ForecastCommand.class,
                BacktestCommand.class, ServeCommand.class, RealismCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:runtime error",
                "2:usage error (unknown option or command, bad value)"})
public final class VibeCli implements Runnable {
    /** Exit code of a successful run. */
    public static final int EXIT_OK = CommandLine.ExitCode.OK;
    /** Exit code when a command fails while running. */
    public static final int EXIT_RUNTIME_ERROR = CommandLine.ExitCode.SOFTWARE;
    /** Exit code when the command line itself is wrong. */
    public static final int EXIT_USAGE_ERROR = CommandLine.ExitCode.USAGE;

    @Spec
    private CommandSpec spec;

    // Read by ErrorReporter from the parse result (or the raw arguments when parsing failed), not from this field:
    // declaring it here makes picocli accept it and document it on every subcommand.
    @Option(names = ErrorReporter.DEBUG_OPTION, scope = ScopeType.INHERIT,
            description = "Show the stack trace when something goes wrong.")
    private boolean debug;

    private VibeCli() {
    }

    /** Runs {@code vibe} with the given arguments and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // Standard output wraps the file descriptor, not System.out: System.out is a PrintStream that swallows write
        // errors, and a closed pipe or a full disk must stop the command (see StandardOutput).
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), err));
    }

    /**
     * Parses and executes a {@code vibe} command line as {@link #main(String[])} does, with standard output as a
     * stream whose write errors stop the command: exit code {@value #EXIT_OK} without a word when the reader went
     * away ({@code vibe simulate | head}: the stream failed with "Broken pipe"), {@value #EXIT_RUNTIME_ERROR} with
     * the reason on {@code err} otherwise (a full disk).
     *
     * @param args   the arguments, without the program name
     * @param stdout where results and help go; flushed, not closed
     * @param err    where error messages go
     * @return the exit code
     */
    public static int run(String[] args, OutputStream stdout, PrintWriter err) {
        StandardOutput standard = new StandardOutput(stdout);
        // Not flushed on every line (commands may print millions of them); execute() flushes it.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(standard, StandardCharsets.UTF_8));
        return execute(args, out, err, standard);
    }

    /**
     * Parses and executes a {@code vibe} command line.
     *
     * <p>Output goes to {@code out}, error messages to {@code err}; both are flushed, not closed, before returning.
     * ANSI colours are used only when the JVM runs in a terminal (picocli's {@code Ansi.AUTO}).
     *
     * @param args the arguments, without the program name
     * @param out  where results and help go
     * @param err  where error messages go
     * @return the exit code: {@value #EXIT_OK}, {@value #EXIT_RUNTIME_ERROR} or {@value #EXIT_USAGE_ERROR}
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, null);
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err, StandardOutput standard) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        ErrorReporter errors = new ErrorReporter();
        CommandLine commandLine = new CommandLine(new VibeCli())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        int code;
        try {
            code = commandLine.execute(args);
        } catch (StandardOutput.Failed e) {
            // Thrown while picocli printed help or a result itself.
            code = EXIT_RUNTIME_ERROR;
        }
        try {
            out.flush();
        } catch (StandardOutput.Failed e) {
            // Noted by the stream; reported below.
        }
        try {
            if (standard != null && standard.failure() != null) {
                if (standard.readerWentAway()) {
                    return code == EXIT_OK || errors.standardOutputFailed() ? EXIT_OK : code;
                }
                err.println(commandName(commandLine) + ": cannot write to standard output: "
                        + OutputFiles.reason(standard.failure()));
                return EXIT_RUNTIME_ERROR;
            }
            if (out.checkError()) {
                err.println(commandName(commandLine) + ": cannot write to standard output");
                return EXIT_RUNTIME_ERROR;
            }
            return code;
        } finally {
            err.flush();
        }
    }

    /** The command that ran, as {@code vibe simulate}, for messages. */
    private static String commandName(CommandLine commandLine) {
        CommandLine.ParseResult result = commandLine.getParseResult();
        if (result == null) {
            return "vibe";
        }
        while (result.subcommand() != null) {
            result = result.subcommand();
        }
        return result.commandSpec().qualifiedName();
    }

    /** Without a subcommand there is nothing to do: show what there is to do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
