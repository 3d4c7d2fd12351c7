package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.evaluation.MalformedDataException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns every failure into one line on standard error, prefixed with the command ({@code vibe fleet: ...}), and an
 * exit code: {@value VibeCli#EXIT_USAGE_ERROR} when the command line is wrong, {@value VibeCli#EXIT_RUNTIME_ERROR}
 * when the command fails while running. {@code --debug} adds the stack trace.
 *
 * <p>A command that finds a semantically wrong argument should throw {@link ParameterException}: picocli routes it
 * here as a usage error too.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** The option that asks for stack traces. */
    static final String DEBUG_OPTION = "--debug";

    private boolean standardOutputFailed;

    /** Whether a command stopped because standard output failed (reported by {@link VibeCli}, not here). */
    boolean standardOutputFailed() {
        return standardOutputFailed;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + TerminalText.message(describe(ex)));
        // Parsing failed, so there is no parse result to ask; the raw arguments are all there is.
        if (debugRequested(args)) {
            ex.printStackTrace(err);
        }
        return VibeCli.EXIT_USAGE_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StandardOutput.Failed) {
                standardOutputFailed = true;
                return VibeCli.EXIT_RUNTIME_ERROR;
            }
        }
        if (ex instanceof OutputFiles.OutputProblem) {
            // A command line naming files that cannot be used, found while the command ran.
            err.println(command.getCommandSpec().qualifiedName() + ": " + TerminalText.message(ex.getMessage()));
            return VibeCli.EXIT_USAGE_ERROR;
        }
        boolean debug = debugRequested(parseResult);
        err.println(command.getCommandSpec().qualifiedName() + ": " + TerminalText.message(describe(ex))
                + (debug ? "" : " (" + DEBUG_OPTION + " shows the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        return VibeCli.EXIT_RUNTIME_ERROR;
    }

    private static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException) {
            return describeUnmatched((UnmatchedArgumentException) ex);
        }
        ArgSpec arg = ex.getArgSpec();
        if (ex.getCause() instanceof TypeConversionException && arg != null) {
            return "invalid value for " + argName(arg) + ": " + ex.getCause().getMessage();
        }
        return lowerCaseFirst(ex.getMessage());
    }

    // Picocli's messages are sentences ("Missing required parameter ..."); after "vibe fleet: " they read better
    // in lower case, like ours. An acronym ("URL ...") is left alone.
    private static String lowerCaseFirst(String message) {
        if (message == null || message.length() < 2
                || !Character.isUpperCase(message.charAt(0)) || !Character.isLowerCase(message.charAt(1))) {
            return message;
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String describeUnmatched(UnmatchedArgumentException ex) {
        CommandLine command = ex.getCommandLine();
        List<String> unmatched = ex.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        String what;
        if (ex.isUnknownOption()) {
            what = "unknown option '" + first + "'";
        } else if (!command.getSubcommands().isEmpty() && command.getCommandSpec().positionalParameters().isEmpty()) {
            what = "unknown command '" + first + "'";
        } else {
            what = "unexpected argument '" + first + "'";
        }
        List<String> suggestions = new ArrayList<>(ex.getSuggestions());
        // After "--" a known option is a plain argument, yet picocli would suggest the option itself.
        suggestions.remove(first);
        if (!suggestions.isEmpty()) {
            return what + " (did you mean '" + String.join("' or '", suggestions) + "'?)";
        }
        return what + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
    }

    private static String argName(ArgSpec arg) {
        return arg instanceof OptionSpec ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    }

    // Vibe's own validation messages (IllegalArgumentException, IllegalStateException) are written to be read alone.
    // For anything else the type carries meaning: "NoSuchFileException: out.csv" says more than "out.csv".
    private static String describe(Exception ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error: " + ex.getClass().getName();
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                || ex instanceof DescribedIOException || ex instanceof MalformedDataException) {
            return message;
        }
        return ex.getClass().getSimpleName() + ": " + message;
    }

    private static boolean debugRequested(String[] args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                return false;
            }
            if (DEBUG_OPTION.equals(arg)) {
                return true;
            }
        }
        return false;
    }

    // --debug is inherited by subcommands, so it may have been given at any level: vibe --debug fleet, vibe fleet --debug.
    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
