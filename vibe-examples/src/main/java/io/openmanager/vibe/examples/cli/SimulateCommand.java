package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.export.ExportFormat;
import io.openmanager.vibe.sim.export.Exporter;
import io.openmanager.vibe.sim.export.Exporters;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vibe simulate}: runs the simulator over a window of time and writes every server's metrics at every tick,
 * optionally the ground-truth incidents ({@code --labels}) and the other events ({@code --events}).
 *
 * <p>The window is the ticks whose instants lie in {@code [start + from, start + to)}; so the ticks of
 * {@code --from 12h --to 13h} are exactly those rows of a whole day's run. Batch runs go as fast as the CPU allows;
 * {@code --realtime} paces ticks against the wall clock and stops cleanly on Ctrl-C (a shutdown hook stops the driver
 * and waits until every output is complete and flushed).
 */
@Command(name = "simulate",
        description = {
                "Simulates the fleet and writes every server's metrics at every tick as JSON Lines, CSV, Influx line "
                        + "protocol or OpenMetrics.",
                "The same options give the same bytes on every run, at any --threads, on any JDK."},
        footerHeading = "%nDurations are whole numbers with a unit: 500ms, 5s, 20m, 12h, 7d, 1h30m.%n%nExamples:%n",
        footer = {
                "  vibe simulate --duration 1h --format csv --out hour.csv",
                "  vibe simulate --from 12h --to 13h --format openmetrics --out noon.txt",
                "  vibe simulate --duration 7d --labels truth.json --out week.jsonl",
                "  vibe simulate --realtime --speed 60 --naming otel    (Ctrl-C stops)",
                "  vibe simulate --duration 1h --remote-write http://localhost:9090/api/v1/write"})
final class SimulateCommand implements Callable<Integer> {
    private static final Duration DEFAULT_DURATION = Duration.ofHours(24);
    private static final int OUTPUT_BUFFER_CHARS = 1 << 16;
    // How long Ctrl-C waits for the outputs to be finished (OpenMetrics writes everything at the end).

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Length of the window after --from (default: 24h).")
    private Duration duration;

    @Option(names = "--from", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Start of the window, as an offset from --start (default: 0).")
    private Duration from;

    @Option(names = "--to", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "End of the window (exclusive), as an offset from --start; instead of --duration.")
    private Duration to;

    @Option(names = "--servers", paramLabel = "<n>",
            description = "Simulate n servers that repeat the default fleet's pattern.")
    private Integer servers;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE",
            description = "Run the scenarios of these files (scenario language, or JSON when the name ends in .json)"
                    + " instead of the built-in ones; their incidents appear in --labels under their names.")
    private List<Path> scenarioFiles;

    @Option(names = "--threads", paramLabel = "<n>", defaultValue = "1",
            description = "Threads computing each tick; the output is the same for any number (default: "
                    + "${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "jsonl",
            converter = SimulateOptions.FormatConverter.class,
            completionCandidates = SimulateOptions.FormatNames.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). OpenMetrics is "
                    + "written when the run ends.")
    private ExportFormat format;

    @Option(names = "--naming", paramLabel = "<convention>", defaultValue = "seed",
            converter = SimulateOptions.NamingConverter.class,
            completionCandidates = SimulateOptions.NamingNames.class,
            description = "Metric names and units: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private NamingConvention naming;

    @Option(names = "--out", paramLabel = "<file>",
            description = "Write the metrics to this file (UTF-8) instead of standard output.")
    private Path out;

    @Option(names = "--labels", paramLabel = "<file>",
            description = "Also write the incidents injected in the window (ground truth) as a JSON array.")
    private Path labels;

    @Option(names = "--events", paramLabel = "<file>",
            description = "Also write status changes, alerts, log lines and scenario events as JSON Lines.")
    private Path events;

    @Option(names = "--realtime",
            description = "Pace ticks against the wall clock; without --duration or --to, run until Ctrl-C.")
    private boolean realtime;

    @Option(names = "--speed", paramLabel = "<factor>",
            description = "With --realtime: simulated time per wall time, 60 = a minute per second (default: 1).")
    private Double speed;

    @Option(names = "--remote-write", paramLabel = "<url>",
            description = "Also send the metrics to this Prometheus remote-write endpoint (named as --naming, "
                    + "default seed); without --out nothing is written to standard output.")
    private URI remoteWrite;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        SimulationEngine engine = engineOptions.engine(
                servers != null ? Fleet.repeatingDefault(servers) : engineOptions.fleet(), scenarioFiles);
        long stepMillis = engine.step().toMillis();
        Duration windowStart = from != null ? from : Duration.ZERO;
        Duration windowEnd = to != null ? to : windowStart.plus(duration != null ? duration : DEFAULT_DURATION);
        boolean bounded = !realtime || to != null || duration != null;
        long fromTick = ceilDiv(windowStart.toMillis(), stepMillis);
        long toTick = ceilDiv(windowEnd.toMillis(), stepMillis);
        if (bounded && toTick == fromTick) {
            throw usage("the window [" + DurationText.format(windowStart) + ", " + DurationText.format(windowEnd)
                    + ") holds no tick of --step " + DurationText.format(engine.step()));
        }
        Run run = new Run(engine, fromTick, bounded ? toTick : Long.MAX_VALUE);
        try {
            return realtime ? run.realtime() : run.batch();
        } catch (UncheckedIOException e) {
            // An exporter's writer failed inside the listener, which cannot throw checked exceptions.
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    private void checkOptions() {
        if (duration != null && to != null) {
            throw usage("--duration and --to cannot be combined: the window is [--from, --to) or "
                    + "[--from, --from + --duration)");
        }
        engineOptions.requireLongerThanZero("--duration", duration);
        Duration windowStart = from != null ? from : Duration.ZERO;
        if (to != null && to.compareTo(windowStart) <= 0) {
            throw usage("--to " + DurationText.format(to) + " must be after --from "
                    + DurationText.format(windowStart));
        }
        engineOptions.checkStep();
        if (engineOptions.fleetFile() != null && servers != null) {
            throw usage("--fleet and --servers cannot be combined");
        }
        if (servers != null && servers < 1) {
            throw usage("--servers must be at least 1: " + servers);
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1: " + threads);
        }
        if (speed != null && !realtime) {
            throw usage("--speed only applies with --realtime");
        }
        if (speed != null && !(speed > 0 && speed < Double.POSITIVE_INFINITY)) {
            throw usage("--speed must be a positive number: " + speed);
        }
        checkDistinctFiles();
    }

    // Two options naming one file would overwrite each other's output (or the fleet file the run was made from).
    private void checkDistinctFiles() {
        Map<Path, String> seen = new LinkedHashMap<>();
        String[] names = {"--fleet", "--out", "--labels", "--events"};
        Path[] files = {engineOptions.fleetFile(), out, labels, events};
        for (int i = 0; i < files.length; i++) {
            if (files[i] == null) {
                continue;
            }
            String first = seen.putIfAbsent(files[i].toAbsolutePath().normalize(), names[i]);
            if (first != null) {
                throw usage(first + " and " + names[i] + " name the same file '" + files[i] + "'");
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }

    /** One run: opens the outputs, produces the ticks, writes labels, closes everything. */
    private final class Run {
        private final SimulationEngine engine;
        private final long fromTick;
        private final long toTick;

        Run(SimulationEngine engine, long fromTick, long toTick) {
            this.engine = engine;
            this.fromTick = fromTick;
            this.toTick = toTick;
        }

        int batch() throws IOException {
            Progress progress = out != null && Progress.terminalAttached()
                    ? new Progress(spec.commandLine().getErr(), "vibe simulate", toTick - fromTick, System::nanoTime)
                    : null;
            try (RemoteWriteOutput remote = RemoteWriteOutput.open(remoteWrite, naming, false,
                    spec.commandLine().getErr());
                 Outputs outputs = new Outputs(false, progress)) {
                SimulationEngine.Batch batch = engine.batch().ticks(fromTick, toTick).threads(threads)
                        .listener(RemoteWriteOutput.both(outputs, remote));
                if (outputs.events == null) {
                    batch.framesOnly(); // no status, alert or log events to build when nobody writes them
                }
                long startNanos = System.nanoTime();
                try {
                    batch.run();
                } finally {
                    if (progress != null) {
                        progress.finish();
                    }
                }
                outputs.writeLabels(engine, fromTick);
                // A run that only feeds a remote-write receiver is summarised by the remote write's own line.
                if (progress == null && !Progress.terminalAttached() && (out != null || remoteWrite == null)) {
                    summary(System.nanoTime() - startNanos);
                }
            }
            return VibeCli.EXIT_OK;
        }

        /** One line on standard error, for a run whose output went to a file or a pipe and that showed no progress. */
        private void summary(long nanos) {
            spec.commandLine().getErr().printf(Locale.ROOT, "vibe simulate: %d ticks of %d servers, %s to %s, to %s"
                            + " in %.1f s%n", toTick - fromTick, engine.fleet().size(), engine.instantOf(fromTick),
                    engine.instantOf(toTick), out != null ? out : "standard output", nanos / 1e9);
        }

        int realtime() throws IOException {
            try (GracefulStop stop = new GracefulStop("vibe-simulate-stop");
                 RemoteWriteOutput remote = RemoteWriteOutput.open(remoteWrite, naming, true,
                         spec.commandLine().getErr());
                 Outputs outputs = new Outputs(true, null)) {
                RealtimeDriver driver = engine.realtime(RemoteWriteOutput.both(outputs, remote)).fromTick(fromTick)
                        .untilTick(toTick).threads(threads).speed(speed != null ? speed : 1).sleeper(stop.sleeper());
                stop.watch(driver);
                driver.run();
                outputs.writeLabels(engine, fromTick);
            }
            return VibeCli.EXIT_OK;
        }
    }

    private static Writer fileWriter(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                OUTPUT_BUFFER_CHARS);
    }

    /**
     * The run's outputs as one listener: frames to the metrics exporter, other events to the events exporter (if
     * any). Checks standard output for errors, which a {@link PrintWriter} swallows, so that a closed pipe stops the
     * run instead of simulating into the void.
     */
    private final class Outputs implements VibeListener, Closeable {
        private static final int CHECK_EVERY_TICKS = 1024;

        final Exporter metrics;
        final Exporter events;
        private final Writer metricsFile;
        private final Writer eventsFile;
        private final Writer labelsFile;
        private final PrintWriter stdout;
        private final boolean flushEveryTick;
        private final Progress progress;
        long frames;

        Outputs(boolean flushEveryTick, Progress progress) throws IOException {
            this.flushEveryTick = flushEveryTick;
            this.progress = progress;
            // With --remote-write and no --out the metrics go to the receiver only.
            this.stdout = out == null && remoteWrite == null ? spec.commandLine().getOut() : null;
            // Every file is opened before the run, so that a bad path fails now rather than after a week of ticks.
            Writer[] files = new Writer[3];
            Path[] paths = {out, SimulateCommand.this.events, labels};
            try {
                for (int i = 0; i < files.length; i++) {
                    files[i] = paths[i] != null ? fileWriter(paths[i]) : null;
                }
            } catch (IOException e) {
                for (Writer file : files) {
                    closeQuietly(file);
                }
                throw e;
            }
            this.metricsFile = files[0];
            this.eventsFile = files[1];
            this.labelsFile = files[2];
            this.metrics = metricsFile != null || stdout != null
                    ? Exporters.of(format, metricsFile != null ? metricsFile : stdout, naming) : null;
            this.events = eventsFile != null ? Exporters.events(eventsFile) : null;
        }

        @Override
        public void onEvent(VibeEvent event) {
            if (!(event instanceof FrameEvent)) {
                if (events != null) {
                    events.onEvent(event);
                }
                return;
            }
            if (metrics != null) {
                metrics.onEvent(event);
            }
            frames++;
            if (progress != null) {
                progress.advance();
            }
            try {
                if (flushEveryTick) {
                    if (metrics != null) {
                        metrics.flush();
                    }
                    if (events != null) {
                        events.flush();
                    }
                }
                if (stdout != null && (flushEveryTick || frames % CHECK_EVERY_TICKS == 0)) {
                    checkStdout("; stopped after " + frames + " ticks");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }

        private void checkStdout(String detail) throws IOException {
            if (stdout.checkError()) {
                throw new IOException("cannot write to standard output (was it closed?)" + detail);
            }
        }

        /** Writes the ground truth of the ticks produced, if asked for. */
        void writeLabels(SimulationEngine engine, long fromTick) throws IOException {
            if (labelsFile != null) {
                Exporters.writeIncidents(labelsFile, engine.incidents(engine.instantOf(fromTick),
                        engine.instantOf(fromTick + frames)));
            }
        }

        @Override
        public void close() throws IOException {
            try (labelsFile; metricsFile; eventsFile; metrics; events) {
                // Nothing to do but close, in reverse order: the exporters finish their formats, then the files.
            }
            if (stdout != null) {
                checkStdout("");
            }
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Already failing for another reason, which is the one to report.
        }
    }
}
