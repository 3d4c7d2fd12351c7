package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.sim.dsl.ParseResult;
import io.openmanager.vibe.sim.dsl.Problem;
import io.openmanager.vibe.sim.dsl.ScenarioFormat;
import io.openmanager.vibe.sim.dsl.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vibe scenario print FILE}: prints a scenario file in canonical form, as the scenario language or as JSON.
 * A file with errors is reported as {@code vibe scenario check} reports it, with exit code 1.
 */
@Command(name = "print",
        description = "Prints a scenario file in canonical form: the scenario language (dsl) or its JSON twin.")
final class ScenarioPrintCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "A scenario file: the scenario language, or JSON when the name ends in .json.")
    private Path file;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "dsl", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ScenarioFormat format;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        ParseResult result = ScenarioParser.standard().check(List.of(file));
        PrintWriter err = spec.commandLine().getErr();
        if (result.hasErrors()) {
            for (Problem problem : result.problems()) {
                err.println(TerminalText.message(problem.format()));
            }
            int errors = result.errors().size();
            err.println(errors + (errors == 1 ? " error" : " errors"));
            return VibeCli.EXIT_RUNTIME_ERROR;
        }
        spec.commandLine().getOut().print(format.write(result.scenarios()));
        return VibeCli.EXIT_OK;
    }

    /** Converts {@code --format} values, ignoring case, listing the lower-case names when a value is unknown. */
    static final class FormatConverter implements ITypeConverter<ScenarioFormat> {
        @Override
        public ScenarioFormat convert(String value) {
            for (ScenarioFormat format : ScenarioFormat.values()) {
                if (format.externalName().equalsIgnoreCase(value.trim())) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' (expected one of: " + String.join(", ", names())
                    + ")");
        }
    }

    /** The names shown in help as {@code ${COMPLETION-CANDIDATES}}. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ScenarioFormat format : ScenarioFormat.values()) {
            names.add(format.externalName());
        }
        return names;
    }
}
