package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.incident.RootCauseRanker;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.RealtimeDriver;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.dsl.ScenarioFiles;
import io.openmanager.vibe.sim.dsl.ScenarioParseException;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AlertRaisedEvent;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code vibe demo}: the default fleet with the built-in scenarios and streaming anomaly detection, paced so that a
 * simulated day passes in about 45 seconds, then a summary of what happened and what the detectors saw. On a terminal
 * a dashboard redraws in place; otherwise a plain line per simulated hour is printed, without escape codes. Ctrl-C
 * ends the run early with the summary so far.
 */
@Command(name = "demo",
        description = "Runs the default fleet with the built-in failure scenarios and anomaly detection, showing a live"
                + " dashboard, then summarises incidents, what was detected and when, and fleet health.",
        footer = {"", "Examples:",
                "  vibe demo                          (a simulated day in about 45 s)",
                "  vibe demo --duration 7d --speed 20000",
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

    @Override
    public Integer call() throws IOException {
        SimulationEngine.Builder builder = SimulationEngine.builder().seed(seed);
        if (scenarioFiles != null) {
            builder.scenarios(loadScenarios());
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
            throw usage("--speed must be positive: " + speed);
        }
        PrintWriter out = spec.commandLine().getOut();
        Dashboard dashboard = new Dashboard(engine, out, Progress.terminalAttached());
        AnalyticsPipeline pipeline = AnalyticsPipeline.builder(dashboard).build();
        VibeListener both = event -> {
            pipeline.onEvent(event);
            dashboard.onEvent(event);
        };
        long wallStart = System.nanoTime();
        // Closed only after the summary is printed: on Ctrl-C the JVM waits for it, so the summary so far is out.
        try (GracefulStop stop = new GracefulStop("vibe-demo-stop")) {
            RealtimeDriver driver = engine.realtime(both).untilTick(ticks).speed(pace).sleeper(stop.sleeper());
            stop.watch(driver);
            driver.run();
            dashboard.summary(driver.produced(), Duration.ofNanos(System.nanoTime() - wallStart));
            out.flush();
        }
        return VibeCli.EXIT_OK;
    }

    private List<io.openmanager.vibe.sim.scenario.Scenario> loadScenarios() {
        try {
            return ScenarioFiles.load(scenarioFiles, Fleet.defaultFleet());
        } catch (ScenarioParseException e) {
            throw usage("invalid scenarios:\n" + e.getMessage());
        } catch (IOException e) {
            throw usage("cannot read scenarios: " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Follows the run: live view while it goes, summary at the end. Called on the driver's thread only. */
    private static final class Dashboard implements VibeListener {
        private static final String RESET = "\u001b[0m";
        private final SimulationEngine engine;
        private final Fleet fleet;
        private final PrintWriter out;
        private final boolean terminal;
        private final Map<String, Integer> anomaliesByServer = new LinkedHashMap<>();
        private final Map<String, Instant> firstAnomaly = new HashMap<>();
        private final List<AnomalyEvent> anomalies = new ArrayList<>();
        private final Map<String, Integer> healthByServer = new HashMap<>();
        private final Deque<String> latest = new ArrayDeque<>();
        private final int[] statusCounts = new int[Status.values().length];
        private long alerts;
        private long healthSum;
        private long healthSamples;
        private long lastDrawNanos;
        private long lastHourPrinted = -1;
        private Instant now;
        private FleetFrame lastFrame;

        Dashboard(SimulationEngine engine, PrintWriter out, boolean terminal) {
            this.engine = engine;
            this.fleet = engine.fleet();
            this.out = out;
            this.terminal = terminal;
            for (int s = 0; s < fleet.size(); s++) {
                anomaliesByServer.put(fleet.get(s).id(), 0);
                healthByServer.put(fleet.get(s).id(), 100);
            }
        }

        @Override
        public void onEvent(VibeEvent event) {
            if (event instanceof FrameEvent) {
                frame(((FrameEvent) event).frame());
            } else if (event instanceof AnomalyEvent) {
                AnomalyEvent anomaly = (AnomalyEvent) event;
                anomaliesByServer.merge(anomaly.serverId(), 1, Integer::sum);
                firstAnomaly.putIfAbsent(anomaly.serverId(), anomaly.timestamp());
                anomalies.add(anomaly);
                remember(String.format(Locale.ROOT, "%s %s anomaly on %s: %s (score %.2f)",
                        clock(anomaly.timestamp()), anomaly.severity().name().toLowerCase(Locale.ROOT),
                        anomaly.serverId(), anomaly.explanation(), anomaly.score()));
            } else if (event instanceof AlertRaisedEvent) {
                alerts++;
                remember(clock(event.timestamp()) + " alert " + ((AlertRaisedEvent) event).alert().message());
            } else if (event instanceof StatusChangedEvent) {
                StatusChangedEvent change = (StatusChangedEvent) event;
                healthByServer.put(change.serverId(), change.healthScore());
            } else if (event instanceof ScenarioStartedEvent) {
                ScenarioStartedEvent started = (ScenarioStartedEvent) event;
                remember(clock(started.timestamp()) + " incident " + started.scenario() + " starts on "
                        + started.originServerId());
            }
        }

        private void remember(String line) {
            latest.addFirst(line);
            while (latest.size() > 6) {
                latest.removeLast();
            }
        }

        private static String clock(Instant instant) {
            return instant.toString().replace("T", " ").replace("Z", "");
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
                                + "anomalies %4d%n", clock(now), counts[0], counts[1], counts[2], counts[3], alerts,
                        totalAnomalies());
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

        private void draw(FleetFrame frame) {
            StringBuilder screen = new StringBuilder("\u001b[H\u001b[2J");
            screen.append(String.format(Locale.ROOT, "vibe demo — %s   alerts %d   anomalies %d%n%n", clock(now),
                    alerts, totalAnomalies()));
            screen.append(String.format(Locale.ROOT, "%-26s %-9s %6s %6s %6s %9s %5s%n", "server", "status", "cpu%",
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
            screen.append(System.lineSeparator()).append("latest:").append(System.lineSeparator());
            for (String line : latest) {
                screen.append("  ").append(line).append(System.lineSeparator());
            }
            out.print(screen);
            out.flush();
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

        /** Groups every anomaly of the run into detected incidents (anomalies less than 5 minutes apart). */
        private List<DetectedIncident> groupAnomalies() {
            List<DetectedIncident> detected = new ArrayList<>();
            IncidentGrouper grouper = new IncidentGrouper(detected::add);
            for (AnomalyEvent anomaly : anomalies) {
                grouper.add(anomaly);
            }
            grouper.flush();
            return detected;
        }

        /** The detected incident overlapping a ground-truth one whose start is closest to it, or null. */
        private static DetectedIncident closestOverlapping(List<DetectedIncident> detected, Incident incident) {
            DetectedIncident best = null;
            for (DetectedIncident d : detected) {
                boolean overlaps = d.start().isBefore(incident.end()) && !d.end().isBefore(incident.start());
                if (overlaps && (best == null || Duration.between(incident.start(), d.start()).abs()
                        .compareTo(Duration.between(incident.start(), best.start()).abs()) < 0)) {
                    best = d;
                }
            }
            return best;
        }

        /** The engine's dependencies, keyed and valued by server id as the ranker wants them. */
        private Map<String, List<String>> dependenciesById() {
            Map<String, List<String>> byId = new HashMap<>();
            engine.dependencies().forEach((host, upstream) -> {
                List<String> ids = new ArrayList<>();
                for (String up : upstream) {
                    ids.add(fleet.get(fleet.indexOfHostname(up)).id());
                }
                byId.put(fleet.get(fleet.indexOfHostname(host)).id(), ids);
            });
            return byId;
        }

        /** Prints what happened: incidents with detection and root cause, anomalies per server, fleet health. */
        void summary(long ticks, Duration wall) {
            out.println();
            if (ticks == 0 || now == null) {
                out.println("Stopped before the first tick: nothing to summarise.");
                return;
            }
            Instant end = now.plus(engine.step());
            out.printf(Locale.ROOT, "Simulated %s to %s (%d ticks of %s, %d servers) in %.1f s.%n%n",
                    clock(engine.start()), clock(end), ticks, DurationText.format(engine.step()), fleet.size(),
                    wall.toMillis() / 1000.0);
            List<Incident> incidents = engine.incidents(engine.start(), end);
            out.printf(Locale.ROOT, "Incidents (ground truth): %d%n", incidents.size());
            TextTable table = new TextTable("start", "scenario", "origin", "affected", "detected", "delay",
                    "root cause ranking");
            List<DetectedIncident> detectedIncidents = groupAnomalies();
            RootCauseRanker ranker = RootCauseRanker.builder().dependencies(dependenciesById())
                    .propagating(Set.of("response_time")).build();
            int rootCauseRight = 0;
            for (Incident incident : incidents) {
                DetectedIncident detected = closestOverlapping(detectedIncidents, incident);
                List<String> ranked = new ArrayList<>();
                if (detected != null) {
                    for (RootCauseCandidate candidate : ranker.rank(detected)) {
                        ranked.add(fleet.get(fleet.indexOfId(candidate.serverId())).hostname());
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
            int[] counts = statuses(lastFrame);
            out.printf(Locale.ROOT, "%nFleet health: mean score %.1f over the run; now %d healthy, %d warning, "
                            + "%d critical, %d offline.%n", healthSamples == 0 ? 100.0 : (double) healthSum / healthSamples,
                    counts[0], counts[1], counts[2], counts[3]);
        }
    }
}
