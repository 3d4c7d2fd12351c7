package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.CliRun.vibe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link EngineOptions}: {@code vibe simulate} and {@code vibe report} get the same engine options with the same
 * help and the same usage errors, each reported as the error of the command that mixes them in; {@code vibe demo}
 * loads scenario files with the same messages but keeps its own options.
 */
class EngineOptionsTest {
    private static final List<String> MIXED_IN = List.of("--seed", "--start", "--step", "--fleet", "--no-scenarios");

    @TempDir
    Path tmp;

    /** Runs {@code command} (report with an --out in the temporary folder) with the options. */
    private CliRun run(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("report")) {
            args.addAll(List.of("--out", tmp.resolve("report.html").toString()));
        }
        args.addAll(Arrays.asList(options));
        return vibe(args.toArray(String[]::new));
    }

    private static void assertUsageError(CliRun run, String command, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("vibe " + command + ": " + message);
    }

    @Test
    void simulateAndReportShareTheOptionsWithTheSameHelp() {
        CommandSpec simulate = new CommandLine(new SimulateCommand()).getCommandSpec();
        CommandSpec report = new CommandLine(new ReportCommand()).getCommandSpec();
        CommandSpec demo = new CommandLine(new DemoCommand()).getCommandSpec();

        for (String name : MIXED_IN) {
            OptionSpec inSimulate = simulate.findOption(name);
            OptionSpec inReport = report.findOption(name);
            assertThat(inSimulate).as(name).isNotNull();
            assertThat(inReport).as(name).isNotNull();
            assertThat(inReport.description()).as(name).isEqualTo(inSimulate.description()).isNotEmpty();
            assertThat(inReport.paramLabel()).as(name).isEqualTo(inSimulate.paramLabel());
            assertThat(inReport.defaultValue()).as(name).isEqualTo(inSimulate.defaultValue());
        }
        assertThat(simulate.findOption("--seed").defaultValue()).isEqualTo("42");
        assertThat(demo.findOption("--start")).as("demo keeps its own options").isNull();
        assertThat(demo.findOption("--fleet")).isNull();
        assertThat(demo.findOption("--no-scenarios")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "report"})
    void badEngineOptionsAreUsageErrorsOfTheCommand(String command) throws Exception {
        Path scenarios = Files.writeString(tmp.resolve("none.scenarios"), "");

        assertUsageError(run(command, "--step", "0s"), command, "--step must be longer than 0s");
        assertUsageError(run(command, "--duration", "0s"), command, "--duration must be longer than 0s");
        assertUsageError(run(command, "--seed", "x42"), command, "invalid value for --seed: 'x42' is not a long");
        assertUsageError(run(command, "--start", "yesterday"), command, "invalid value for --start: 'yesterday' "
                + "(expected an ISO-8601 instant such as 2026-01-05T00:00:00Z)");
        assertUsageError(run(command, "--no-scenarios", "--scenarios", scenarios.toString()), command,
                "--no-scenarios and --scenarios exclude each other");
        assertUsageError(run(command, "--fleet", "missing.json"), command,
                "cannot read fleet file 'missing.json': no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "report"})
    void aFleetWithoutTheBuiltInScenariosHostsSuggestsNoScenarios(String command) throws Exception {
        Path fleet = Files.writeString(tmp.resolve("fleet.json"),
                "[{\"hostname\": \"web-01\", \"environment\": \"aws\", \"role\": \"web\"}]");

        CliRun run = run(command, "--fleet", fleet.toString(), "--duration", "5s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("vibe " + command + ": scenario 'disk-full-cascade'")
                .endsWith("(the built-in scenarios need the default fleet's hostnames; add --no-scenarios)");
        assertThat(run(command, "--fleet", fleet.toString(), "--duration", "5s", "--no-scenarios").exitCode())
                .as("quiet fleet").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "report", "demo"})
    void scenarioFilesLoadWithTheSameMessagesInEveryCommand(String command) throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.scenarios"),
                "scenario x {\n  at 0s on db-primary-01 set cpu 95\n}\n");
        Path missing = tmp.resolve("missing.scenarios");

        CliRun invalid = run(command, "--duration", "1m", "--scenarios", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.errLines()).first().isEqualTo("vibe " + command + ": invalid scenarios:");
        assertThat(invalid.err()).contains(broken + ":2:30: error: unknown metric 'cpu'").doesNotContain("\tat ");
        assertUsageError(run(command, "--duration", "1m", "--scenarios", missing.toString()), command,
                "cannot read scenario file '" + missing + "': no such file");
    }
}
