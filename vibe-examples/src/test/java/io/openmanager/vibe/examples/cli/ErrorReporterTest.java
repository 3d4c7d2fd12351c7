package io.openmanager.vibe.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/** Runtime failures, which the real subcommands cannot be made to produce on demand. */
class ErrorReporterTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Option(names = ErrorReporter.DEBUG_OPTION)
        boolean debug;

        @Option(names = "--throw")
        String what = "argument";

        @Override
        public Integer call() throws Exception {
            switch (what) {
                case "argument" -> throw new IllegalArgumentException("disk 'sda' is on fire");
                case "io" -> throw new NoSuchFileException("out.csv");
                case "bare" -> throw new UnsupportedOperationException();
                default -> throw new IOException("unexpected " + what);
            }
        }
    }

    private record Result(int exitCode, String err) {
    }

    private static Result boom(String... args) {
        StringWriter err = new StringWriter();
        ErrorReporter reporter = new ErrorReporter();
        int exitCode = new CommandLine(new Boom())
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler(reporter)
                .setExecutionExceptionHandler(reporter)
                .execute(args);
        return new Result(exitCode, err.toString());
    }

    @Test
    void runtimeErrorIsOneLineAndExitCodeOne() {
        Result result = boom();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).containsExactly(
                "boom: disk 'sda' is on fire (--debug shows the stack trace)");
    }

    @Test
    void otherExceptionsAreNamedByTheirType() {
        assertThat(boom("--throw", "io").err().lines()).containsExactly(
                "boom: NoSuchFileException: out.csv (--debug shows the stack trace)");
    }

    @Test
    void exceptionWithoutMessageIsReportedAsInternalError() {
        assertThat(boom("--throw", "bare").err().lines()).containsExactly(
                "boom: internal error: java.lang.UnsupportedOperationException (--debug shows the stack trace)");
    }

    @Test
    void debugShowsTheStackTrace() {
        Result result = boom("--debug");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().findFirst()).hasValue("boom: disk 'sda' is on fire");
        assertThat(result.err()).contains("java.lang.IllegalArgumentException: disk 'sda' is on fire",
                "\tat io.openmanager.vibe.examples.cli.ErrorReporterTest$Boom.call");
    }
}
