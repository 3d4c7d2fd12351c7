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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vibe simulate}: runs the simulator over a window of time and writes every server's metrics at every tick,
 * optionally the ground-truth incidents ({@code --labels}) and the other events ({@code --events}).
 *
 * <p>The window is the ticks whose instants lie in {@code [start + from, start + to)}; so the ticks of
 * {@code --from 12h --to 13h} are exactly those rows of a whole day's run, and its events continue the events of the
 * window before it. Batch runs go as fast as the CPU allows; {@code --realtime} paces ticks against the wall clock.
 * Files go through {@link OutputFiles}: a batch run writes each to a temporary file that replaces it when complete, a
 * real-time run writes them in place (so that they can be followed), once every output was found writable. Ctrl-C
 * (or SIGTERM) ends either after the current tick with every output complete, and says so.
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
    /** The largest {@code --servers}. */
    static final int MAX_SERVERS = 1_000_000;
    /** The largest {@code --threads}. */
    static final int MAX_THREADS = 256;
    /** The latest instant the text formats write (ISO-8601 with a four-digit year). */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** The latest instant the Influx line protocol holds: nanoseconds since 1970 in a long. */
    private static final Instant LATEST_INFLUX = Instant.ofEpochMilli(Long.MAX_VALUE / 1_000_000L);

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
        try (OutputFiles files = new OutputFiles()) {
            OutputFiles.Target[] targets = declareFiles(files);
            SimulationEngine engine = engineOptions.engine(
                    servers != null ? Fleet.repeatingDefault(servers) : engineOptions.fleet(), scenarioFiles);
            long stepMillis = engine.step().toMillis();
            Duration windowStart = from != null ? from : Duration.ZERO;
            Duration windowEnd = to != null ? to : windowStart.plus(duration != null ? duration : DEFAULT_DURATION);
            boolean bounded = !realtime || to != null || duration != null;
            long fromTick = ceilDiv(windowStart.toMillis(), stepMillis);
            long toTick = bounded ? checkEnd(engine, windowEnd) : Long.MAX_VALUE;
            if (bounded && toTick == fromTick) {
                throw usage("the window [" + DurationText.format(windowStart) + ", " + DurationText.format(windowEnd)
                        + ") holds no tick of --step " + DurationText.format(engine.step()));
            }
            Run run = new Run(engine, fromTick, toTick, targets);
            try {
                return realtime ? run.realtime() : run.batch();
            } catch (StandardOutput.Failed e) {
                throw e;
            } catch (UncheckedIOException e) {
                // An exporter's writer failed inside the listener, which cannot throw checked exceptions.
                throw new DescribedIOException("cannot write: " + TerminalText.printable(e.getMessage()),
                        e.getCause());
            }
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
        if (servers != null) {
            Limits.check(spec, "--servers", servers, 1, MAX_SERVERS);
        }
        Limits.check(spec, "--threads", threads, 1, MAX_THREADS);
        if (speed != null && !realtime) {
            throw usage("--speed only applies with --realtime");
        }
        if (speed != null && !(speed > 0 && speed < Double.POSITIVE_INFINITY)) {
            throw usage("--speed must be a positive number: " + speed);
        }
    }

    /**
     * Declares the files read and written, so that an output that is an input or another output (by identity, links
     * followed), or that cannot be written, is refused before anything is opened.
     *
     * @return the targets of --out, --events and --labels, null where not given
     */
    private OutputFiles.Target[] declareFiles(OutputFiles files) {
        try {
            files.input("--fleet", engineOptions.fleetFile());
            if (scenarioFiles != null) {
                for (Path file : scenarioFiles) {
                    files.input("--scenarios", file);
                }
            }
            String[] options = {"--out", "--events", "--labels"};
            Path[] paths = {out, events, labels};
            OutputFiles.Target[] targets = new OutputFiles.Target[paths.length];
            for (int i = 0; i < paths.length; i++) {
                targets[i] = paths[i] == null ? null : files.output(options[i], paths[i]);
            }
            return targets;
        } catch (OutputFiles.OutputProblem e) {
            throw usage(e.getMessage());
        }
    }

    /** The window's end tick, once its instants are known to fit the chosen format. */
    private long checkEnd(SimulationEngine engine, Duration windowEnd) {
        Instant latest = format == ExportFormat.INFLUX ? LATEST_INFLUX : LATEST;
        Instant end;
        try {
            end = engine.start().plus(windowEnd);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            end = Instant.MAX;
        }
        if (end.isAfter(latest)) {
            throw usage("the window ends after " + latest + ", the latest instant the " + format.externalName()
                    + " format can write" + (format == ExportFormat.INFLUX ? " (nanoseconds since 1970 in a long)"
                    : "") + ": --start " + engine.start() + " plus " + (to != null ? "--to " + DurationText.format(to)
                    : "--from and --duration, " + DurationText.format(windowEnd)));
        }
        return ceilDiv(windowEnd.toMillis(), engine.step().toMillis());
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static long ceilDiv(long value, long divisor) {
        return -Math.floorDiv(-value, divisor);
    }

    /** One run: opens the outputs, produces the ticks, writes labels, completes or abandons every file. */
    private final class Run {
        private final SimulationEngine engine;
        private final long fromTick;
        private final long toTick;
        private final OutputFiles.Target[] targets;

        Run(SimulationEngine engine, long fromTick, long toTick, OutputFiles.Target[] targets) {
            this.engine = engine;
            this.fromTick = fromTick;
            this.toTick = toTick;
            this.targets = targets;
        }

        int batch() throws IOException {
            Progress progress = out != null && Progress.terminalAttached()
                    ? new Progress(spec.commandLine().getErr(), "vibe simulate", toTick - fromTick, System::nanoTime)
                    : null;
            try (GracefulStop stop = new GracefulStop();
                 RemoteWriteOutput remote = RemoteWriteOutput.open(remoteWrite, naming, false,
                         spec.commandLine().getErr())) {
                Outputs outputs = new Outputs(false, progress, targets);
                long startNanos = System.nanoTime();
                try {
                    SimulationEngine.Batch batch = engine.batch().ticks(fromTick, toTick).threads(threads)
                            .listener(RemoteWriteOutput.both(outputs, remote));
                    if (outputs.events == null) {
                        batch.framesOnly(); // no status, alert or log events to build when nobody writes them
                    }
                    try (SimulationEngine.Stepper stepper = batch.stepper()) {
                        while (stepper.hasNext() && !stop.requested()) {
                            stepper.next();
                        }
                    } finally {
                        if (progress != null) {
                            progress.finish();
                        }
                    }
                    outputs.finish(engine, fromTick);
                } finally {
                    outputs.abandon();
                }
                if (stop.requested()) {
                    stopped(outputs.frames);
                } else if (progress == null && !Progress.terminalAttached() && (out != null || remoteWrite == null)) {
                    // A run that only feeds a remote-write receiver is summarised by the remote write's own line.
                    summary(System.nanoTime() - startNanos);
                }
            }
            return VibeCli.EXIT_OK;
        }

        /** One line on standard error, for a run whose output went to a file or a pipe and that showed no progress. */
        private void summary(long nanos) {
            spec.commandLine().getErr().printf(Locale.ROOT, "vibe simulate: %d ticks of %d servers, %s to %s, to %s"
                            + " in %.1f s%n", toTick - fromTick, engine.fleet().size(), engine.instantOf(fromTick),
                    engine.instantOf(toTick), out != null ? TerminalText.printable(out.toString())
                            : "standard output", nanos / 1e9);
        }

        int realtime() throws IOException {
            try (GracefulStop stop = new GracefulStop();
                 RemoteWriteOutput remote = RemoteWriteOutput.open(remoteWrite, naming, true,
                         spec.commandLine().getErr())) {
                Outputs outputs = new Outputs(true, null, targets);
                try {
                    RealtimeDriver driver = engine.realtime(RemoteWriteOutput.both(outputs, remote))
                            .fromTick(fromTick).untilTick(toTick)
                            .threads(threads).speed(speed != null ? speed : 1).sleeper(stop.sleeper());
                    stop.watch(driver);
                    driver.run();
                    outputs.finish(engine, fromTick);
                } finally {
                    outputs.abandon();
                }
                if (stop.requested()) {
                    stopped(outputs.frames);
                }
            }
            return VibeCli.EXIT_OK;
        }

        private void stopped(long frames) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": stopped by a signal after " + frames
                    + " tick(s)" + (toTick == Long.MAX_VALUE ? "" : " of " + (toTick - fromTick)) + "; the outputs"
                    + " are complete up to " + engine.instantOf(fromTick + frames) + " (exclusive)");
        }
    }

    /**
     * The run's outputs as one listener: frames to the metrics exporter, other events to the events exporter (if
     * any). Standard output stops the run by itself when it fails ({@link StandardOutput}).
     */
    private final class Outputs implements VibeListener {
        /** The metrics exporter, or null when the metrics go only to a remote-write receiver. */
        final Exporter metrics;
        final Exporter events;
        private final OutputFiles.Target[] targets;
        private final Writer labelsFile;
        private final boolean flushEveryTick;
        private final Progress progress;
        long frames;

        /** Opens every file, all declared and checked before: temporary files, or in place for a real-time run. */
        Outputs(boolean flushEveryTick, Progress progress, OutputFiles.Target[] targets) throws IOException {
            this.flushEveryTick = flushEveryTick;
            this.progress = progress;
            this.targets = targets;
            Writer[] files = new Writer[targets.length];
            for (int i = 0; i < files.length; i++) {
                if (targets[i] != null) {
                    files[i] = flushEveryTick ? targets[i].openInPlace() : targets[i].open();
                }
            }
            this.labelsFile = files[2];
            // With --remote-write and no --out the metrics go to the receiver only.
            this.metrics = files[0] != null || remoteWrite == null
                    ? Exporters.of(format, files[0] != null ? files[0] : spec.commandLine().getOut(), naming) : null;
            this.events = files[1] != null ? Exporters.events(files[1]) : null;
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
            if (flushEveryTick) {
                try {
                    if (metrics != null) {
                        metrics.flush();
                    }
                    if (events != null) {
                        events.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }
        }

        /**
         * Writes the ground truth of the ticks produced (if asked for), finishes the formats and commits every file:
         * the outputs are complete.
         */
        void finish(SimulationEngine engine, long fromTick) throws IOException {
            if (labelsFile != null) {
                Exporters.writeIncidents(labelsFile, engine.incidents(engine.instantOf(fromTick),
                        engine.instantOf(fromTick + frames)));
            }
            if (metrics != null) {
                metrics.close();
            }
            if (events != null) {
                events.close();
            }
            for (OutputFiles.Target target : targets) {
                if (target != null) {
                    target.commit();
                }
            }
        }

        /** After a failure: the files not committed are left as they were. */
        void abandon() {
            for (OutputFiles.Target target : targets) {
                if (target != null) {
                    target.abandon();
                }
            }
        }
    }
}
