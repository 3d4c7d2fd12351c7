package io.openmanager.vibe.sim.dsl;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads scenario files for a fleet in one call: the entry point for hosts and command lines.
 *
 * <pre>{@code
 * List<Scenario> scenarios = ScenarioFiles.load(Path.of("outage.scenarios"), Fleet.defaultFleet());
 * SimulationEngine engine = SimulationEngine.builder().scenarios(scenarios).build();
 * }</pre>
 *
 * <p>Files ending in {@code .json} are read as JSON, others as the scenario language; all must be UTF-8. For other
 * metrics or limits, or to see warnings, use a {@link ScenarioParser} directly.
 */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /**
     * Loads one file, checking its hostnames against the fleet.
     *
     * @throws IOException            if the file cannot be read
     * @throws ScenarioParseException with every problem, if there is an error
     */
    public static List<Scenario> load(Path file, Fleet fleet) throws IOException {
        return load(List.of(file), fleet);
    }

    /**
     * Loads files as one set of scenarios, in order: names are unique across the files, and a scenario may trigger
     * after one of another file.
     *
     * @throws IOException            if a file cannot be read
     * @throws ScenarioParseException with every problem of every file, if there is an error
     */
    public static List<Scenario> load(List<Path> files, Fleet fleet) throws IOException {
        return ScenarioParser.builder().fleet(fleet).build().parse(files);
    }
}
