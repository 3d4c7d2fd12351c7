package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.examples.serve.EventHub;
import io.openmanager.vibe.examples.serve.LiveServer;
import io.openmanager.vibe.examples.serve.LiveState;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code vibe serve}: runs the simulation in real time (or faster) through the analytics pipeline, as {@code vibe demo}
 * wires it, and serves it over HTTP: a live dashboard, {@code /metrics} for Prometheus, {@code /events} (Server-Sent
 * Events) and {@code /api/...}. Ctrl-C stops the run and closes every connection.
 */
@Command(name = "serve",
        description = {
                "Runs the simulation live with the analytics pipeline and serves a dashboard (/), Prometheus "
                        + "metrics (/metrics), Server-Sent Events (/events) and JSON (/api/fleet, /api/incidents, "
                        + "/api/servers/<hostname>/series).",
                "Listens on 127.0.0.1 unless --bind says otherwise; Ctrl-C stops."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  vibe serve                         (http://127.0.0.1:8080/, one tick per 5 s)",
                "  vibe serve --speed 60 --port 0     (a simulated minute per second, any free port)",
                "  vibe serve --lang ko --naming otel --scenarios outage.scenarios"})
final class ServeCommand implements Callable<Integer> {
    private static final long MAX_WRITE_SECONDS = 10;
    /** The largest {@code --event-buffer}. */
    static final int MAX_EVENT_BUFFER = 1_000_000;
    /** The most ticks of history kept per series: 96 MB for the default fleet's 120 series. */
    static final long MAX_HISTORY_TICKS = 100_000;

    @Spec
    private CommandSpec spec;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE",
            description = "Run the scenarios of these files instead of the built-in ones.")
    private List<Path> scenarioFiles;

    @Option(names = "--speed", paramLabel = "<factor>", defaultValue = "1",
            description = "Simulated time per wall time: 1 = real time, 60 = a minute per second (default: "
                    + "${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Stop after this much simulated time (default: run until Ctrl-C).")
    private Duration duration;

    @Option(names = "--port", paramLabel = "<n>", defaultValue = "8080",
            description = "Port to listen on; 0 takes any free port (printed) (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--naming", paramLabel = "<convention>", defaultValue = "prometheus",
            converter = SimulateOptions.NamingConverter.class,
            completionCandidates = SimulateOptions.NamingNames.class,
            description = "Metric names and units of /metrics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private NamingConvention naming;

    @Option(names = "--lang", paramLabel = "<lang>", defaultValue = "en",
            description = "Language of the dashboard's first view and of recommendations: en or ko (default: "
                    + "${DEFAULT-VALUE}).")
    private String lang;

    @Option(names = "--history", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Simulated time of history kept per series for the charts (default: 1h).")
    private Duration history;

    @Option(names = "--event-buffer", paramLabel = "<n>", defaultValue = "4096",
            description = "Events kept for /events clients that resume (Last-Event-ID) or read slowly; a client "
                    + "that falls further behind is dropped (default: ${DEFAULT-VALUE}).")
    private int eventBuffer;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        Locale locale = RunAnalysis.locale(spec, lang);
        SimulationEngine engine = engineOptions.engine(engineOptions.fleet(), scenarioFiles);
        PrintWriter out = spec.commandLine().getOut();
        EventHub hub = new EventHub(eventBuffer, TimeUnit.SECONDS.toNanos(MAX_WRITE_SECONDS));
        List<VibeListener> downstream = new ArrayList<>(2);
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(event -> {
            for (int i = 0; i < downstream.size(); i++) {
                downstream.get(i).onEvent(event);
            }
        }).build();
        Duration window = history != null ? history : Duration.ofHours(1);
        if (engine.ticksIn(window) > MAX_HISTORY_TICKS) {
            throw usage("--history " + DurationText.format(window) + " is " + engine.ticksIn(window)
                    + " ticks of --step " + DurationText.format(engine.step()) + "; at most " + MAX_HISTORY_TICKS
                    + " ticks are kept");
        }
        LiveState state = new LiveState(engine, pipeline, hub, window);
        RunAnalysis analysis = new RunAnalysis(engine, locale, state);
        downstream.add(analysis);
        downstream.add(state);
        VibeListener run = event -> {
            pipeline.onEvent(event);
            analysis.onEvent(event);
            state.onEvent(event);
        };
        try (GracefulStop stop = new GracefulStop();
             LiveServer server = new LiveServer(state, hub, naming, locale, speed, 0, bind, port)) {
            int listening = server.start();
            String base = "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + listening;
            out.println("vibe serve: " + base + "/ (dashboard), " + base + "/metrics, " + base + "/events, "
                    + base + "/api/fleet; speed " + speed + "; Ctrl-C stops");
            out.flush();
            RealtimeDriver driver = engine.realtime(run).speed(speed).sleeper(stop.sleeper());
            if (duration != null) {
                driver.untilTick(Math.max(1, engine.ticksIn(duration)));
            }
            stop.watch(driver);
            driver.run();
            out.println("vibe serve: stopped after " + driver.produced() + " ticks; /events dropped "
                    + hub.droppedClients() + " slow clients");
            out.flush();
        }
        return VibeCli.EXIT_OK;
    }

    private void checkOptions() {
        engineOptions.checkStep();
        engineOptions.requireLongerThanZero("--duration", duration);
        engineOptions.requireLongerThanZero("--history", history);
        if (!(speed > 0 && speed < Double.POSITIVE_INFINITY)) {
            throw usage("--speed must be a positive number: " + speed);
        }
        if (port < 0 || port > 65_535) {
            throw usage("--port must be in [0, 65535]: " + port);
        }
        Limits.check(spec, "--event-buffer", eventBuffer, 1, MAX_EVENT_BUFFER);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
