package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code vibe demo}: the default fleet with the built-in scenarios and the full analytics pipeline (anomaly detection,
 * forecasts and time-to-threshold predictions, incidents ranked by root cause, recommendations), paced so that a
 * simulated day passes in about 45 seconds, then a summary of what happened and what the analytics saw
 * ({@link DemoSummary}). On a terminal a dashboard sized to it redraws in place ({@link TerminalDashboard}); otherwise a plain line per simulated hour is printed, without escape codes. Ctrl-C
 * ends the run early with the summary so far. {@code --lang} chooses English or Korean for recommendations and fleet
 * health.
 */
@Command(name = "demo",
        description = "Runs the default fleet with the built-in failure scenarios and the analytics pipeline (anomaly"
                + " detection, forecasts, predictions, incidents with root cause, recommendations), showing a live"
                + " dashboard, then summarises incidents, what was detected and predicted, advice and fleet health.",
        footer = {"", "Examples:",
                "  vibe demo                          (a simulated day in about 45 s)",
                "  vibe demo --duration 7d --speed 20000",
                "  vibe demo --lang ko                (recommendations and fleet health in Korean)",
                "  vibe demo --realtime               (5 s ticks at wall-clock pace until Ctrl-C)"})
final class DemoCommand implements Callable<Integer> {
    private static final double DEFAULT_WALL_SECONDS = 45;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "<n>", description = "Seed of the simulation (default: 42).")
    private long seed = SimulationEngine.DEFAULT_SEED;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Simulated time to run (default: 24h; with --realtime: until Ctrl-C).")
    private Duration duration;

    @Option(names = "--speed", paramLabel = "<factor>",
            description = "Simulated time per wall time (default: the duration in about 45 s; 1 with --realtime).")
    private Double speed;

    @Option(names = "--realtime", description = "5 s ticks at wall-clock pace until Ctrl-C (or --duration).")
    private boolean realtime;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE",
            description = "Run the scenarios of these files instead of the built-in ones.")
    private List<Path> scenarioFiles;

    @Option(names = "--lang", paramLabel = "en|ko",
            description = "Language of recommendations and fleet health: en or ko (default: en).")
    private String lang = "en";

    @Override
    public Integer call() throws IOException {
        // First, so that a Ctrl-C during the set-up (engine, scenarios, pipeline) also ends with a summary (of nothing
        // yet) rather than killing the JVM; closed only after the summary is flushed, so the JVM waits for it.
        try (GracefulStop stop = new GracefulStop("vibe-demo-stop")) {
            run(stop);
        }
        return VibeCli.EXIT_OK;
    }

    private void run(GracefulStop stop) throws IOException {
        Locale locale = RunAnalysis.locale(spec, lang);
        SimulationEngine.Builder builder = SimulationEngine.builder().seed(seed);
        if (scenarioFiles != null) {
            builder.scenarios(EngineOptions.loadScenarios(spec, scenarioFiles, Fleet.defaultFleet()));
        }
        SimulationEngine engine = builder.build();
        Duration window = duration != null ? duration : realtime ? null : Duration.ofDays(1);
        long ticks = window == null ? Long.MAX_VALUE : engine.ticksIn(window);
        if (ticks < 1) {
            throw usage("--duration must cover at least one step of " + DurationText.format(engine.step()) + ": "
                    + DurationText.format(duration));
        }
        double pace = speed != null ? speed
                : realtime ? 1 : Math.max(1, window.toMillis() / 1000.0 / DEFAULT_WALL_SECONDS);
        if (!(pace > 0) || Double.isInfinite(pace)) {
            throw usage("--speed must be positive and finite: " + speed);
        }
        PrintWriter out = spec.commandLine().getOut();
        DemoTracker tracker = new DemoTracker(engine, locale);
        tracker.view(Progress.terminalAttached()
                ? new TerminalDashboard(tracker, out, spec.commandLine().getColorScheme().ansi(), TerminalSize::query,
                System::nanoTime)
                : new HourlyLines(tracker, out));
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(tracker).build();
        VibeListener both = event -> {
            pipeline.onEvent(event);
            tracker.onEvent(event);
        };
        long wallStart = System.nanoTime();
        RealtimeDriver driver = engine.realtime(both).untilTick(ticks).speed(pace).sleeper(stop.sleeper());
        stop.watch(driver);
        try {
            driver.run();
        } finally {
            // Even when a listener fails: the summary so far, and flushed before the stop is released (out does not
            // flush by itself, and on Ctrl-C the JVM ends as soon as the stop is closed).
            try {
                new DemoSummary(tracker, out, locale).print(driver.produced(), Duration.ofNanos(System.nanoTime() - wallStart));
            } finally {
                out.flush();
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Without a terminal: one plain line per simulated hour, no escape codes. */
    private static final class HourlyLines implements Consumer<FleetFrame> {
        private final DemoTracker run;
        private final PrintWriter out;
        private long lastHourPrinted = -1;

        HourlyLines(DemoTracker run, PrintWriter out) {
            this.run = run;
            this.out = out;
        }

        @Override
        public void accept(FleetFrame frame) {
            long hour = Math.floorDiv(frame.timestampMillis() - run.engine.start().toEpochMilli(), 3_600_000L);
            if (hour != lastHourPrinted && frame.timestampMillis() % 3_600_000L == 0) {
                lastHourPrinted = hour;
                int[] counts = DemoTracker.statuses(frame);
                out.printf(Locale.ROOT, "%s  healthy %2d  warning %2d  critical %2d  offline %2d  alerts %4d  "
                                + "anomalies %4d  predictions %4d  recommendations %3d%n", DemoTracker.clock(run.now),
                        counts[0], counts[1], counts[2], counts[3], run.alerts, run.totalAnomalies(),
                        run.analysis.predictions(), run.recommendations.size());
                out.flush();
            }
        }
    }
}
