package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.sim.dsl.ParseResult;
import io.openmanager.vibe.sim.dsl.Problem;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import io.openmanager.vibe.sim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vibe scenario check FILE...}: checks scenario files like a compiler. Every problem is printed on standard
 * error as {@code FILE:LINE:COLUMN: error: message}, then the source line and a caret line; the files are checked
 * together, as one set an engine would run, against the default fleet or {@code --fleet}. Exit code 0 when there is
 * no error (warnings allowed), 1 otherwise.
 */
@Command(name = "check",
        description = {"Checks scenario files against a fleet and reports every problem like a compiler.",
                "Files are checked together: names are unique across them, and 'after' may name a scenario of"
                        + " another file. Exit code 0 when no file has an error (warnings are allowed), 1 otherwise."})
final class ScenarioCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Scenario files: the scenario language, or JSON when the name ends in .json.")
    private List<Path> files;

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "The fleet to check hostnames against, as JSON in the form 'vibe fleet --format json' "
                    + "prints (default: the 20 servers of the default fleet).")
    private Path fleetFile;

    private Fleet readFleet() {
        try {
            return FleetFile.read(fleetFile);
        } catch (FleetFile.FleetFileException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        Fleet fleet = fleetFile == null ? Fleet.defaultFleet() : readFleet();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> readable = new ArrayList<>();
        int unreadable = 0;
        for (Path file : files) {
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                readable.add(file);
            } else {
                err.println(TerminalText.printable(file.toString()) + ": error: "
                        + (Files.exists(file) ? "cannot read this file" : "no such file"));
                unreadable++;
            }
        }
        ParseResult result = ScenarioParser.builder().fleet(fleet).build().check(readable);
        for (Problem problem : result.problems()) {
            err.println(TerminalText.message(problem.format()));
        }
        int errors = result.errors().size() + unreadable;
        int warnings = result.warnings().size();
        if (errors > 0) {
            err.println(count(errors, "error") + (warnings > 0 ? ", " + count(warnings, "warning") : "")
                    + " in " + count(files.size(), "file"));
            return VibeCli.EXIT_RUNTIME_ERROR;
        }
        List<Scenario> scenarios = result.scenarios();
        out.println(count(scenarios.size(), "scenario") + " in " + count(files.size(), "file") + ": "
                + (warnings > 0 ? count(warnings, "warning") : "no problems"));
        return VibeCli.EXIT_OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
