package io.openmanager.vibe.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vibe scenario}: works with scenario files; does nothing alone but show its subcommands. */
@Command(name = "scenario",
        description = "Checks and prints scenario files (the scenario language, or its JSON twin for *.json).",
        subcommands = {ScenarioCheckCommand.class, ScenarioPrintCommand.class})
final class ScenarioCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
