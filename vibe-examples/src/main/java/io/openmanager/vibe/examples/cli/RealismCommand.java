package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.realism.Realism;
import io.openmanager.vibe.realism.RealismReport;
import io.openmanager.vibe.realism.SimulatedTraces;
import io.openmanager.vibe.realism.Trace;
import io.openmanager.vibe.realism.TraceFiles;
import io.openmanager.vibe.realism.TraceFormatException;
import io.openmanager.vibe.sim.SimulationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vibe realism}: how far a simulated fleet is from real traces. */
@Command(name = "realism",
        description = {"Compares a simulated fleet with reference traces: the realism statistics (median over servers"
                + " on each side, with the reference servers' interquartile range) and, for CPU, network and memory,"
                + " the cross-validated AUC of a random forest that tries to tell one-day windows apart (0.5 ="
                + " indistinguishable, 1.0 = always told apart).",
                "Reference files: 'timestamp,value' (metric from the file name), 'timestamp,server,metric,value', or"
                        + " Bitbrains GWA-T-12 VM files; gzipped or not. Simulated values are averaged over"
                        + " --bucket, as a monitoring agent reports them."})
final class RealismCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--reference", required = true, paramLabel = "<path>",
            description = "A reference trace file or folder (repeatable).")
    private List<Path> references;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationText.Converter.class,
            defaultValue = "14d", description = "Simulated time (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE",
            description = "Run the scenarios of these files instead of the built-in ones.")
    private List<Path> scenarioFiles;

    @Option(names = "--bucket", paramLabel = "<duration>", converter = DurationText.Converter.class,
            defaultValue = "5m", description = "Averaging interval of both sides (default: ${DEFAULT-VALUE}).")
    private Duration bucket;

    @Option(names = "--trees", paramLabel = "<n>", defaultValue = "100",
            description = "Trees of the random forest (default: ${DEFAULT-VALUE}).")
    private int trees;

    @Option(names = "--html", paramLabel = "<file>",
            description = "Also write the table and a plot of per-server statistics as an HTML page.")
    private Path html;

    @Override
    public Integer call() throws IOException {
        engineOptions.requireLongerThanZero("--duration", duration);
        engineOptions.requireLongerThanZero("--bucket", bucket);
        if (trees < 1) {
            throw new ParameterException(spec.commandLine(), "--trees must be >= 1: " + trees);
        }
        List<Trace> reference = read(spec, references, bucket);
        SimulationEngine engine = engineOptions.engine(engineOptions.fleet(), scenarioFiles);
        List<Trace> simulated;
        try {
            simulated = SimulatedTraces.of(engine, duration, bucket);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RealismReport report = Realism.builder().trees(trees).build().compare(simulated, reference);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.format());
        out.flush();
        if (html != null) {
            Files.writeString(html, RealismPage.render(report, simulated, reference), StandardCharsets.UTF_8);
            out.println("Wrote " + html);
        }
        return VibeCli.EXIT_OK;
    }

    /** Reads reference traces for a command; malformed files are usage errors naming file, line and column. */
    static List<Trace> read(CommandSpec spec, List<Path> paths, Duration bucket) {
        List<Trace> traces = new ArrayList<>();
        for (Path path : paths) {
            try {
                TraceFiles.Result result = TraceFiles.read(path, bucket);
                traces.addAll(result.traces());
                for (String skipped : result.skipped()) {
                    spec.commandLine().getErr().println("skipped " + skipped);
                }
            } catch (TraceFormatException e) {
                throw new ParameterException(spec.commandLine(), "invalid trace file: " + e.getMessage());
            } catch (UncheckedIOException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (traces.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no cpu, memory or network traces in " + paths);
        }
        return traces;
    }
}
