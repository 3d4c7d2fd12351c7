package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.health.FleetHealth;
import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.ScenarioEndedEvent;
import io.openmanager.vibe.spi.event.ScenarioStartedEvent;
import io.openmanager.vibe.spi.event.StatusChangedEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vibe demo}: the default fleet with the built-in scenarios and the full analytics pipeline (anomaly detection,
 * forecasts and time-to-threshold predictions, incidents ranked by root cause, recommendations), paced so that a
 * simulated day passes in about 45 seconds, then a summary of what happened and what the analytics saw. On a terminal
 * a dashboard redraws in place; otherwise a plain line per simulated hour is printed, without escape codes. Ctrl-C
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
    private static final long REDRAW_NANOS = 250_000_000L;

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
        try (GracefulStop stop = new GracefulStop()) {
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
        Dashboard dashboard = new Dashboard(engine, out, Progress.terminalAttached(), locale);
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(dashboard).build();
        VibeListener both = event -> {
            pipeline.onEvent(event);
            dashboard.onEvent(event);
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
                dashboard.summary(driver.produced(), Duration.ofNanos(System.nanoTime() - wallStart));
            } finally {
                out.flush();
            }
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A ground-truth scenario in progress, from its ScenarioStartedEvent to its ScenarioEndedEvent. */
    private static final class ActiveScenario {
        final String scenario;
        final String origin;
        final Set<String> servers = new HashSet<>();
        final Instant since;
        Instant flagged;
        String flaggedServer;

        ActiveScenario(ScenarioStartedEvent started) {
            scenario = started.scenario();
            origin = started.originServerId().isEmpty() ? "-" : started.originServerId();
            servers.add(started.originServerId());
            servers.addAll(started.affectedServers());
            since = started.timestamp();
        }
    }

    /**
     * Follows the run: live view while it goes, summary at the end. It receives the simulator's events and the
     * pipeline's anomalies and predictions, feeds them to a {@link RunAnalysis} (a recommender and an online incident
     * grouper whose closed incidents are ranked and recommended on), and receives the recommendations back. Called on
     * the driver's thread only.
     */
    private static final class Dashboard implements VibeListener {
        private static final String RESET = "\u001b[0m";
        private static final int LATEST = 5;
        private static final int PANEL = 3;
        private static final int SUMMARY_RECOMMENDATIONS = 15;
        private static final int WIDTH = 118;
        private final SimulationEngine engine;
        private final Fleet fleet;
        private final PrintWriter out;
        private final boolean terminal;
        private final Locale locale;
        private final RunAnalysis analysis;
        private final Map<String, Integer> anomaliesByServer = new LinkedHashMap<>();
        private final Map<String, Instant> firstAnomaly = new HashMap<>();
        private final Map<String, Integer> healthByServer = new HashMap<>();
        private final Map<String, ActiveScenario> activeScenarios = new LinkedHashMap<>();
        private final List<RecommendationEvent> recommendations = new ArrayList<>();
        private final Deque<String> latest = new ArrayDeque<>();
        private final Deque<String> latestPredictions = new ArrayDeque<>();
        private long alerts;
        private long healthSum;
        private long healthSamples;
        private long lastDrawNanos;
        private long lastHourPrinted = -1;
        private Instant now;
        private FleetFrame lastFrame;

        Dashboard(SimulationEngine engine, PrintWriter out, boolean terminal, Locale locale) {
            this.engine = engine;
            this.fleet = engine.fleet();
            this.out = out;
            this.terminal = terminal;
            this.locale = locale;
            for (int s = 0; s < fleet.size(); s++) {
                anomaliesByServer.put(fleet.get(s).id(), 0);
                healthByServer.put(fleet.get(s).id(), 100);
            }
            this.analysis = new RunAnalysis(engine, locale, this); // recommendations come back through onEvent
        }

        @Override
        public void onEvent(VibeEvent event) {
            if (event instanceof FrameEvent) {
                analysis.onEvent(event); // may close the open incident; follows the predicted series
                frame(((FrameEvent) event).frame());
            } else if (event instanceof AnomalyEvent) {
                anomaly((AnomalyEvent) event);
            } else if (event instanceof PredictionEvent) {
                prediction((PredictionEvent) event);
            } else if (event instanceof RecommendationEvent) {
                RecommendationEvent recommendation = (RecommendationEvent) event;
                recommendations.add(recommendation);
                remember(clock(recommendation.timestamp()) + " advice " + recommendation.severity() + " "
                        + recommendation.action());
            } else if (event instanceof AlertRaisedEvent) {
                alerts++;
                remember(clock(event.timestamp()) + " alert " + ((AlertRaisedEvent) event).alert().message());
            } else if (event instanceof StatusChangedEvent) {
                StatusChangedEvent change = (StatusChangedEvent) event;
                healthByServer.put(change.serverId(), change.healthScore());
            } else if (event instanceof ScenarioStartedEvent) {
                ScenarioStartedEvent started = (ScenarioStartedEvent) event;
                activeScenarios.put(started.incidentId(), new ActiveScenario(started));
                remember(clock(started.timestamp()) + " incident " + started.scenario() + " starts on "
                        + started.originServerId());
            } else if (event instanceof ScenarioEndedEvent) {
                ScenarioEndedEvent ended = (ScenarioEndedEvent) event;
                activeScenarios.remove(ended.incidentId());
                remember(clock(ended.timestamp()) + " incident " + ended.scenario() + " ends");
            }
        }

        private void anomaly(AnomalyEvent anomaly) {
            anomaliesByServer.merge(anomaly.serverId(), 1, Integer::sum);
            firstAnomaly.putIfAbsent(anomaly.serverId(), anomaly.timestamp());
            for (ActiveScenario active : activeScenarios.values()) {
                if (active.flagged == null && active.servers.contains(anomaly.serverId())) {
                    active.flagged = anomaly.timestamp();
                    active.flaggedServer = anomaly.serverId();
                }
            }
            remember(String.format(Locale.ROOT, "%s %s anomaly on %s: %s (score %.2f)",
                    clock(anomaly.timestamp()), anomaly.severity().name().toLowerCase(Locale.ROOT),
                    anomaly.serverId(), anomaly.explanation(), anomaly.score()));
            analysis.onEvent(anomaly);
        }

        private void prediction(PredictionEvent prediction) {
            push(latestPredictions, String.format(Locale.ROOT, "%s %s %s reaches %s in %s", clock(prediction.timestamp()),
                    prediction.serverId(), prediction.metric(), number(prediction.level()),
                    RunAnalysis.eta(prediction.timestamp(), prediction.expectedCrossing())));
            analysis.onEvent(prediction);
        }

        private static String number(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
        }

        private void remember(String line) {
            push(latest, line);
        }

        private static void push(Deque<String> lines, String line) {
            lines.addFirst(line);
            while (lines.size() > LATEST) {
                lines.removeLast();
            }
        }

        private static String clock(Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "");
        }

        private void frame(FleetFrame frame) {
            lastFrame = frame.copy();
            now = frame.timestamp();
            for (int h : healthByServer.values()) {
                healthSum += h;
                healthSamples++;
            }
            if (terminal) {
                long t = System.nanoTime();
                if (t - lastDrawNanos >= REDRAW_NANOS) {
                    lastDrawNanos = t;
                    draw(frame);
                }
                return;
            }
            long hour = Math.floorDiv(frame.timestampMillis() - engine.start().toEpochMilli(), 3_600_000L);
            if (hour != lastHourPrinted && frame.timestampMillis() % 3_600_000L == 0) {
                lastHourPrinted = hour;
                int[] counts = statuses(frame);
                out.printf(Locale.ROOT, "%s  healthy %2d  warning %2d  critical %2d  offline %2d  alerts %4d  "
                                + "anomalies %4d  predictions %4d  recommendations %3d%n", clock(now), counts[0],
                        counts[1], counts[2], counts[3], alerts, totalAnomalies(),
                        analysis.predictions(), recommendations.size());
                out.flush();
            }
        }

        private static int[] statuses(FleetFrame frame) {
            int[] counts = new int[Status.values().length];
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                counts[frame.status(s).ordinal()]++;
            }
            return counts;
        }

        private int totalAnomalies() {
            int total = 0;
            for (int count : anomaliesByServer.values()) {
                total += count;
            }
            return total;
        }

        /** At most about 45 lines: header, 20 servers, active incidents, predictions, advice, latest events. */
        private void draw(FleetFrame frame) {
            StringBuilder screen = new StringBuilder(8192).append("\u001b[H\u001b[2J");
            line(screen, String.format(Locale.ROOT, "vibe demo — %s  alerts %d  anomalies %d  predictions %d  "
                            + "recommendations %d  incidents detected %d%s", clock(now), alerts, totalAnomalies(),
                    analysis.predictions(), recommendations.size(), analysis.detectedIncidents().size(),
                    analysis.hasOpenIncident() ? " +1 open" : ""));
            screen.append(System.lineSeparator());
            line(screen, String.format(Locale.ROOT, "%-26s %-9s %6s %6s %6s %9s %5s", "server", "status", "cpu%",
                    "mem%", "disk%", "resp ms", "anom"));
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                Status status = frame.status(s);
                String id = fleet.get(s).id();
                screen.append(String.format(Locale.ROOT, "%-26s %s%-9s%s %6.1f %6.1f %6.1f %9.0f %5d%n",
                        fleet.get(s).hostname(), colour(status), status.name().toLowerCase(Locale.ROOT), RESET,
                        frame.value(s, MetricSet.CPU), frame.value(s, MetricSet.MEMORY),
                        frame.value(s, MetricSet.DISK), frame.value(s, MetricSet.RESPONSE_TIME),
                        anomaliesByServer.get(id)));
            }
            screen.append(System.lineSeparator());
            line(screen, "active incidents (ground truth):" + (activeScenarios.isEmpty() ? " none" : ""));
            int shown = 0;
            for (ActiveScenario active : activeScenarios.values()) {
                if (shown++ == PANEL) {
                    break;
                }
                line(screen, String.format(Locale.ROOT, "  %-20s origin %-18s since %s  %s", active.scenario,
                        active.origin, clock(active.since), active.flagged == null ? "not flagged yet"
                                : "flagged +" + DurationText.format(Duration.between(active.since, active.flagged))
                                + " on " + active.flaggedServer));
            }
            panel(screen, "latest predictions:", latestPredictions, PANEL);
            line(screen, "latest recommendations:" + (recommendations.isEmpty() ? " none" : ""));
            for (int r = recommendations.size() - 1; r >= Math.max(0, recommendations.size() - PANEL); r--) {
                RecommendationEvent advice = recommendations.get(r);
                line(screen, "  " + clock(advice.timestamp()) + " " + advice.severity() + " " + advice.action());
            }
            panel(screen, "latest events:", latest, LATEST);
            out.print(screen);
            out.flush();
        }

        private static void panel(StringBuilder screen, String title, Deque<String> lines, int limit) {
            line(screen, title + (lines.isEmpty() ? " none" : ""));
            int shown = 0;
            for (String text : lines) {
                if (shown++ == limit) {
                    break;
                }
                line(screen, "  " + text);
            }
        }

        /** One screen line, cut to the width (wide Korean and CJK characters count two columns) so it never wraps. */
        private static void line(StringBuilder screen, String text) {
            int columns = 0;
            for (int i = 0; i < text.length(); i++) {
                columns += wide(text.charAt(i)) ? 2 : 1;
                if (columns > WIDTH - 1 && i < text.length() - 1) {
                    screen.append(text, 0, i).append('…').append(System.lineSeparator());
                    return;
                }
            }
            screen.append(text).append(System.lineSeparator());
        }

        private static boolean wide(char c) {
            return c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3')
                    || (c >= '\uf900' && c <= '\ufaff') || (c >= '\uff00' && c <= '\uff60'));
        }

        private static String colour(Status status) {
            switch (status) {
                case WARNING:
                    return "\u001b[33m";
                case CRITICAL:
                    return "\u001b[31m";
                case OFFLINE:
                    return "\u001b[90m";
                default:
                    return "\u001b[32m";
            }
        }

        /**
         * Prints what happened: incidents with detection and root cause, anomalies per server, predictions,
         * recommendations and fleet health.
         */
        void summary(long ticks, Duration wall) {
            out.println();
            if (ticks == 0 || now == null) {
                out.println("Stopped before the first tick: nothing to summarise.");
                return;
            }
            analysis.finish(); // the last incident, ranked and recommended on like the others
            Instant end = now.plus(engine.step());
            out.printf(Locale.ROOT, "Simulated %s to %s (%d ticks of %s, %d servers) in %.1f s.%n%n",
                    clock(engine.start()), clock(end), ticks, DurationText.format(engine.step()), fleet.size(),
                    wall.toMillis() / 1000.0);
            incidents(end);
            out.println();
            out.printf(Locale.ROOT, "Anomalies: %d   alerts raised: %d%n", totalAnomalies(), alerts);
            TextTable servers = new TextTable("server", "anomalies", "first anomaly", "health now");
            anomaliesByServer.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .filter(e -> e.getValue() > 0)
                    .limit(10)
                    .forEach(e -> servers.addRow(e.getKey(), Integer.toString(e.getValue()),
                            clock(firstAnomaly.get(e.getKey())), Integer.toString(healthByServer.get(e.getKey()))));
            servers.print(out);
            out.println();
            predictions();
            out.println();
            recommendations();
            int[] counts = statuses(lastFrame);
            out.printf(Locale.ROOT, "%nFleet health: mean score %.1f over the run; statuses now %d healthy, "
                            + "%d warning, %d critical, %d offline.%n", healthSamples == 0 ? 100.0 : (double) healthSum / healthSamples,
                    counts[0], counts[1], counts[2], counts[3]);
            out.println(FleetHealth.summarize(lastFrame).describe(locale, 3));
        }

        private void incidents(Instant end) {
            List<Incident> incidents = engine.incidents(engine.start(), end);
            out.printf(Locale.ROOT, "Incidents (ground truth): %d%n", incidents.size());
            TextTable table = new TextTable("start", "scenario", "origin", "affected", "detected", "delay",
                    "root cause ranking");
            int rootCauseRight = 0;
            for (Incident incident : incidents) {
                DetectedIncident detected = analysis.matching(incident);
                List<String> ranked = new ArrayList<>();
                if (detected != null) {
                    for (RootCauseCandidate candidate : analysis.ranker().rank(detected)) {
                        ranked.add(analysis.hostname(candidate.serverId()));
                    }
                }
                if (!ranked.isEmpty() && ranked.get(0).equals(incident.origin())) {
                    rootCauseRight++;
                }
                table.addRow(clock(incident.start()), incident.scenario(), incident.origin(),
                        String.join(", ", incident.affectedServers()),
                        detected == null ? "missed" : clock(detected.start()),
                        detected == null ? "-"
                                : Math.max(0, Duration.between(incident.start(), detected.start()).toSeconds()) + " s",
                        ranked.isEmpty() ? "-" : String.join(" > ", ranked.subList(0, Math.min(3, ranked.size()))));
            }
            if (!incidents.isEmpty()) {
                table.print(out);
                out.printf(Locale.ROOT, "Root cause ranked first = origin: %d of %d incidents.%n", rootCauseRight,
                        incidents.size());
            }
        }

        private void predictions() {
            out.printf(Locale.ROOT, "Predictions: %d for %d series%n", analysis.predictions(),
                    analysis.predictedSeries().size());
            if (analysis.predictedSeries().isEmpty()) {
                return;
            }
            TextTable table = new TextTable("server", "metric", "level", "first predicted", "expected crossing",
                    "predictions", "level reached");
            for (RunAnalysis.PredictedSeries series : analysis.predictedSeries()) {
                table.addRow(series.serverId, series.metric, number(series.level), clock(series.first),
                        clock(series.firstCrossing) + " (in " + RunAnalysis.eta(series.first, series.firstCrossing)
                                + ")",
                        series.count(), series.reached() != null ? "yes, " + clock(series.reached())
                                : series.max() == Double.NEGATIVE_INFINITY ? "no"
                                : String.format(Locale.ROOT, "no (max %.1f)", series.max()));
            }
            table.print(out);
        }

        private void recommendations() {
            out.printf(Locale.ROOT, "Recommendations: %d%n", recommendations.size());
            int shown = Math.min(SUMMARY_RECOMMENDATIONS, recommendations.size());
            for (int r = 0; r < shown; r++) {
                RecommendationEvent advice = recommendations.get(r);
                out.printf(Locale.ROOT, "  %s  %-16s  %-8s  %s%n", clock(advice.timestamp()), advice.serverId(),
                        advice.severity(), advice.action());
                out.printf(Locale.ROOT, "      %s%n", advice.reason());
            }
            if (recommendations.size() > shown) {
                out.printf(Locale.ROOT, "  ... and %d more.%n", recommendations.size() - shown);
            }
        }
    }
}
