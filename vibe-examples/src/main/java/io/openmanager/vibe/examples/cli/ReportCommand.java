package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.sim.SimulationEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vibe report}: simulates the fleet with the analytics pipeline and writes one self-contained HTML page about
 * the run: fleet status and health, incidents with detection delay, root cause and recommendations, every
 * recommendation, the time-to-threshold predictions and whether they came true, detector quality against the
 * simulator's ground truth and per-server metric timelines with anomalies and forecasts. The page has no script and
 * loads nothing; it is the same bytes for the same options. {@code --lang} chooses English or Korean for the
 * recommendations.
 */
@Command(name = "report",
        description = {
                "Simulates the fleet with anomaly detection and writes one self-contained HTML page about the run.",
                "The page (inline SVG charts, no scripts or external resources, printable) shows fleet status and"
                        + " health, incidents with detection delay, ranked root cause and recommendations, every"
                        + " recommendation, predictions and whether they came true, detector quality against the"
                        + " ground truth and metric timelines with anomalies and forecasts.",
                "The same options give the same bytes."},
        footerHeading = "%nDurations are whole numbers with a unit: 500ms, 5s, 20m, 12h, 7d, 1h30m.%n%nExamples:%n",
        footer = {
                "  vibe report --out day.html",
                "  vibe report --duration 7d --seed 7 --out week.html",
                "  vibe report --lang ko --out day-ko.html",
                "  vibe report --fleet fleet.json --scenarios my.scenarios --out mine.html"})
final class ReportCommand implements Callable<Integer> {
    private static final Duration DEFAULT_DURATION = Duration.ofHours(24);
    private static final int MIN_WIDTH = 100;
    private static final int MAX_WIDTH = 4000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "<file>", description = "The HTML file to write (UTF-8).")
    private Path out;

    @Mixin
    private EngineOptions engineOptions;

    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationText.Converter.class,
            description = "Simulated time from --start (default: 24h).")
    private Duration duration;

    @Option(names = "--scenarios", arity = "1..*", paramLabel = "FILE",
            description = "Run the scenarios of these files instead of the built-in ones.")
    private List<Path> scenarioFiles;

    @Option(names = "--width", paramLabel = "<n>", defaultValue = "" + SvgChart.PLOT_WIDTH,
            description = "Points per time chart: each shows the minimum, maximum and mean of its series per point "
                    + "(default: ${DEFAULT-VALUE}, " + MIN_WIDTH + " to " + MAX_WIDTH + ").")
    private int width;

    @Option(names = "--lang", paramLabel = "en|ko",
            description = "Language of the recommendations: en or ko (default: en).")
    private String lang = "en";

    @Override
    public Integer call() throws IOException {
        Locale locale = RunAnalysis.locale(spec, lang);
        checkOptions();
        SimulationEngine engine = engineOptions.engine(engineOptions.fleet(), scenarioFiles);
        long ticks = engine.ticksIn(duration != null ? duration : DEFAULT_DURATION);
        if (ticks < 1) {
            throw usage("--duration " + DurationText.format(duration) + " is shorter than one --step of "
                    + DurationText.format(engine.step()));
        }
        // The temporary file is created before the run, so that an unwritable directory fails now rather than
        // after a week of ticks; an existing --out file is replaced only when the page is complete.
        ReplacingWriter.write(out, writer -> {
            ReportRecorder recorder = new ReportRecorder(engine.fleet(), engine.metrics().size(), 0, ticks, width);
            RunAnalysis analysis = new RunAnalysis(engine, locale, recorder);
            AnalyticsPipeline pipeline = AnalyticsPipeline.builder(event -> {
                recorder.onEvent(event);
                analysis.onEvent(event);
            }).build();
            // The pipeline before the analysis: a frame's anomalies reach the grouper before the frame that may
            // close its incident, as in `vibe demo`.
            engine.batch().ticks(0, ticks).listener(event -> {
                recorder.onEvent(event);
                pipeline.onEvent(event);
                analysis.onEvent(event);
            }).run();
            analysis.finish();
            HtmlReport report = new HtmlReport(engine, recorder, ticks, analysis, locale);
            String page = report.render();
            writer.write(page);
            spec.commandLine().getErr().printf(Locale.ROOT, "vibe report: wrote %s (%d bytes, %d charts, "
                            + "%d incidents, %d anomalies, %d recommendations)%n", out,
                    page.getBytes(StandardCharsets.UTF_8).length,
                    report.charts(), report.incidents().size(), recorder.anomalies().size(),
                    recorder.recommendations().size());
        });
        return VibeCli.EXIT_OK;
    }

    private void checkOptions() {
        engineOptions.requireLongerThanZero("--duration", duration);
        engineOptions.checkStep();
        if (width < MIN_WIDTH || width > MAX_WIDTH) {
            throw usage("--width must be in " + MIN_WIDTH + ".." + MAX_WIDTH + ": " + width);
        }
        engineOptions.checkScenarios(scenarioFiles);
        ReplacingWriter.problem("--out", out).ifPresent(problem -> {
            throw usage(problem);
        });
        Path fleetFile = engineOptions.fleetFile();
        if (fleetFile != null && out.toAbsolutePath().normalize().equals(fleetFile.toAbsolutePath().normalize())) {
            throw usage("--fleet and --out name the same file '" + out + "'");
        }
        if (scenarioFiles != null) {
            for (Path file : scenarioFiles) {
                if (out.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                    throw usage("--scenarios and --out name the same file '" + out + "'");
                }
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
