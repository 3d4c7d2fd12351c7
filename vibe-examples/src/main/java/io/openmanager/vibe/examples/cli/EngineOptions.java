package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ScenarioFiles;
import io.openmanager.vibe.sim.dsl.ScenarioParseException;
import io.openmanager.vibe.sim.scenario.Scenario;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulation options that {@code vibe simulate} and {@code vibe report} share, as a picocli mixin:
 * {@code --seed}, {@code --start}, {@code --step}, {@code --fleet} and {@code --no-scenarios}, their checks, and the
 * fleet and {@link SimulationEngine} they describe. Errors are usage errors of the command that mixes them in.
 *
 * <p>{@code --duration} and {@code --scenarios} stay with each command, whose help says what they mean there (a
 * window after {@code --from} in {@code vibe simulate}); {@link #engine(Fleet, List)} takes the scenario files, and
 * {@link #loadScenarios(CommandSpec, List, Fleet)} also serves {@code vibe demo}, which has its own options.
 */
final class EngineOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42",
            description = "Seed of the simulation (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--start", paramLabel = "<instant>", converter = SimulateOptions.InstantConverter.class,
            description = "Instant of tick 0, ISO-8601 (default: 2026-01-05T00:00:00Z).")
    private Instant start;

    @Option(names = "--step", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Time between ticks (default: 5s).")
    private Duration step;

    @Option(names = "--fleet", paramLabel = "<file>",
            description = "JSON array of servers {hostname, environment, role, labels} to simulate instead of the "
                    + "default 20.")
    private Path fleetFile;

    @Option(names = "--no-scenarios", description = "Inject no failure scenarios: a quiet fleet.")
    private boolean noScenarios;

    /** The {@code --fleet} file, or {@code null} without one. */
    Path fleetFile() {
        return fleetFile;
    }

    /**
     * Fails when a duration option is zero.
     *
     * @param option the option's name, for the message
     * @param value  its value, or {@code null} when not given (always accepted)
     * @throws ParameterException "{@code option} must be longer than 0s"
     */
    void requireLongerThanZero(String option, Duration value) {
        if (value != null && value.isZero()) {
            throw usage(option + " must be longer than 0s");
        }
    }

    /**
     * Checks {@code --step}.
     *
     * @throws ParameterException when it is zero
     */
    void checkStep() {
        requireLongerThanZero("--step", step);
    }

    /**
     * Checks that the command's {@code --scenarios} and {@code --no-scenarios} are not both given.
     *
     * @param scenarioFiles the command's {@code --scenarios}, or {@code null} when not given
     * @throws ParameterException when both are
     */
    void checkScenarios(List<Path> scenarioFiles) {
        if (noScenarios && scenarioFiles != null) {
            throw usage("--no-scenarios and --scenarios exclude each other");
        }
    }

    /**
     * Reads the {@code --fleet} file.
     *
     * @return its fleet, or {@code null} without {@code --fleet} (the engine's default fleet)
     * @throws ParameterException when the file cannot be read or is not a valid fleet, with its message
     */
    Fleet fleet() {
        if (fleetFile == null) {
            return null;
        }
        try {
            return FleetFile.read(fleetFile);
        } catch (FleetFile.FleetFileException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Builds the engine of these options.
     *
     * @param fleet         the fleet to simulate, or {@code null} for the default one
     * @param scenarioFiles the command's {@code --scenarios}, or {@code null} for the built-in scenarios (none with
     *                      {@code --no-scenarios})
     * @return the engine
     * @throws ParameterException when {@code --scenarios} and {@code --no-scenarios} are both given, the scenario
     *                            files cannot be loaded, or the builder rejects the options (for example built-in
     *                            scenarios on a fleet file without their hosts)
     */
    SimulationEngine engine(Fleet fleet, List<Path> scenarioFiles) {
        checkScenarios(scenarioFiles);
        SimulationEngine.Builder builder = SimulationEngine.builder().seed(seed);
        if (fleet != null) {
            builder.fleet(fleet);
        }
        if (start != null) {
            builder.start(start);
        }
        if (step != null) {
            builder.step(step);
        }
        if (noScenarios) {
            builder.scenarios(List.of());
        }
        if (scenarioFiles != null) {
            builder.scenarios(loadScenarios(mixee, scenarioFiles, fleet != null ? fleet : Fleet.defaultFleet()));
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // The built-in scenarios name hosts of the default fleet, which a fleet file may not have.
            boolean builtInScenariosOnOtherFleet = fleetFile != null && !noScenarios && scenarioFiles == null;
            throw usage(e.getMessage() + (builtInScenariosOnOtherFleet
                    ? " (the built-in scenarios need the default fleet's hostnames; add --no-scenarios)" : ""));
        }
    }

    /**
     * Loads scenario files for a command.
     *
     * @param command the command whose usage error a failure is
     * @param files   the scenario files (scenario language, or JSON when the name ends in .json)
     * @param fleet   the fleet whose hostnames the scenarios may name
     * @return their scenarios
     * @throws ParameterException "invalid scenarios:" and every problem, each with its position, source line and
     *                            caret (as {@code vibe scenario check} prints them), "cannot read scenario file
     *                            'F': no such file", or "cannot read scenarios: " and the I/O error
     */
    static List<Scenario> loadScenarios(CommandSpec command, List<Path> files, Fleet fleet) {
        try {
            return ScenarioFiles.load(files, fleet);
        } catch (ScenarioParseException e) {
            throw new ParameterException(command.commandLine(), "invalid scenarios:\n" + e.getMessage());
        } catch (NoSuchFileException e) {
            // Worded as a fleet file's: the path alone (the exception's message) does not say what is wrong with it.
            throw new ParameterException(command.commandLine(), "cannot read scenario file '" + e.getFile()
                    + "': no such file");
        } catch (IOException e) {
            throw new ParameterException(command.commandLine(), "cannot read scenarios: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
