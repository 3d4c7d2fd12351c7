package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
