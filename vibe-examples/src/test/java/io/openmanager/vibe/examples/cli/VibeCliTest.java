package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

class VibeCliTest {

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        CliRun run = vibe("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: vibe ")
                .contains("Commands:")
                .containsPattern("(?m)^  fleet ")
                .containsPattern("(?m)^  help ")
                .contains("--debug", "--version", "Exit codes:");
    }

    /** picocli reports a description it cannot format (a bare % such as "80 %") on System.err, as a warning. */
    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        List<String> commands = new ArrayList<>();
        collect(new CommandLine(VibeCli.class), commands);
        assertThat(commands).contains("fleet", "forecast", "backtest", "scenario check");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String command : commands) {
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.add("--help");
                CliRun run = vibe(args.toArray(new String[0]));
                assertThat(run.exitCode()).as(command).isZero();
                assertThat(run.out()).as(command).startsWith("Usage: vibe " + command);
                assertThat(run.err()).as(command).isEmpty();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli");
    }

    private static void collect(CommandLine command, List<String> names) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name) || name.equals("help")) {
                return; // an alias, or picocli's help command
            }
            String path = sub.getCommandSpec().qualifiedName(" ").substring("vibe ".length());
            names.add(path);
            collect(sub, names);
        });
    }

    @Test
    void withoutACommandPrintsTheHelp() {
        CliRun run = vibe();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(vibe("--help").out());
    }

    @Test
    void helpCommandShowsTheOptionsOfASubcommand() {
        CliRun run = vibe("help", "fleet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: vibe fleet ").contains("--format=<format>", "table, json");
        assertThat(vibe("fleet", "--help").out()).isEqualTo(run.out());
    }

    @Test
    void versionIsTheVersionOfTheBuild() {
        String expected = System.getProperty("vibe.expectedVersion");
        assertThat(expected).as("system property vibe.expectedVersion, set by the pom").isNotBlank();

        CliRun run = vibe("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("vibe " + expected + System.lineSeparator());
        assertThat(vibe("fleet", "--version").out()).isEqualTo(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x"})
    void unknownOptionIsAUsageErrorOnOneLine(String option) {
        CliRun run = vibe("fleet", option);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "vibe fleet: unknown option '" + option + "' (see 'vibe fleet --help')");
    }

    @Test
    void unknownTopLevelOptionNamesTheTopLevelCommand() {
        CliRun run = vibe("--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("vibe: unknown option '--bogus'");
    }

    @Test
    void unknownCommandIsAUsageErrorWithASuggestion() {
        CliRun run = vibe("flet");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("vibe: unknown command 'flet' (did you mean 'fleet' or 'detect'?)");
    }

    @Test
    void unexpectedArgumentIsAUsageError() {
        CliRun run = vibe("fleet", "extra");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "vibe fleet: unexpected argument 'extra' (see 'vibe fleet --help')");
    }

    @Test
    void badFormatValueIsAUsageErrorListingTheAcceptedValues() {
        CliRun run = vibe("fleet", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "vibe fleet: invalid value for --format: 'xml' (expected one of: table, json)");
        assertThat(run.err()).doesNotContain("at io.", "at picocli.", "Exception");
    }

    @Test
    void missingFormatValueIsAUsageError() {
        CliRun run = vibe("fleet", "--format");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("vibe fleet: missing required parameter for option '--format'");
    }

    // --debug exists to report bugs, so it shows the trace even for a usage error; the exit code stays 2.
    @ParameterizedTest
    @ValueSource(strings = {"--debug fleet --format xml", "fleet --format xml --debug"})
    void debugAddsTheStackTraceToAUsageError(String commandLine) {
        CliRun run = vibe(commandLine.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines().get(0))
                .isEqualTo("vibe fleet: invalid value for --format: 'xml' (expected one of: table, json)");
        assertThat(run.err()).contains("ParameterException", "\tat picocli.");
    }

    @Test
    void debugAfterEndOfOptionsMarkerDoesNotCount() {
        CliRun run = vibe("fleet", "--", "--debug");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("vibe fleet: ")
                .contains("'--debug'")
                .doesNotContain("did you mean");
    }

    @Test
    void debugIsAcceptedBeforeAndAfterTheSubcommand() {
        assertThat(vibe("--debug", "fleet").exitCode()).isZero();
        assertThat(vibe("fleet", "--debug").exitCode()).isZero();
    }
}
