package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.status.Status;
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
import java.util.function.Consumer;

/**
 * What {@code vibe demo} knows about its run: it receives the simulator's events and the pipeline's anomalies and
 * predictions, feeds them to a {@link RunAnalysis} (a recommender and an online incident grouper whose closed
 * incidents are ranked and recommended on), receives the recommendations back, and keeps the counts, the latest
 * events and the ground-truth incidents in progress that the live view and the summary show. After each frame it
 * hands the frame to the live view. Called on the driver's thread only.
 */
final class DemoTracker implements VibeListener {
    /** How many of the latest events and predictions are kept: enough for a tall terminal. */
    static final int KEPT = 40;

    final SimulationEngine engine;
    final Fleet fleet;
    final RunAnalysis analysis;
    final Map<String, Integer> anomaliesByServer = new LinkedHashMap<>();
    final Map<String, Instant> firstAnomaly = new HashMap<>();
    final Map<String, Integer> healthByServer = new HashMap<>();
    final Map<String, ActiveScenario> activeScenarios = new LinkedHashMap<>();
    final List<RecommendationEvent> recommendations = new ArrayList<>();
    /** The latest events, newest first. */
    final Deque<String> latest = new ArrayDeque<>();
    /** The latest predictions, newest first. */
    final Deque<String> latestPredictions = new ArrayDeque<>();
    long alerts;
    long healthSum;
    long healthSamples;
    Instant now;
    FleetFrame lastFrame;
    private Consumer<FleetFrame> view = frame -> { };

    DemoTracker(SimulationEngine engine, Locale locale) {
        this.engine = engine;
        this.fleet = engine.fleet();
        for (int s = 0; s < fleet.size(); s++) {
            anomaliesByServer.put(fleet.get(s).id(), 0);
            healthByServer.put(fleet.get(s).id(), 100);
        }
        this.analysis = new RunAnalysis(engine, locale, this); // recommendations come back through onEvent
    }

    /** Shows each frame, after the tracker has taken it in. */
    void view(Consumer<FleetFrame> frameView) {
        this.view = frameView;
    }

    /** A ground-truth scenario in progress, from its ScenarioStartedEvent to its ScenarioEndedEvent. */
    static final class ActiveScenario {
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

    private void frame(FleetFrame frame) {
        lastFrame = frame.copy();
        now = frame.timestamp();
        for (int h : healthByServer.values()) {
            healthSum += h;
            healthSamples++;
        }
        view.accept(frame);
    }

    private void remember(String line) {
        push(latest, line);
    }

    private static void push(Deque<String> lines, String line) {
        lines.addFirst(line);
        while (lines.size() > KEPT) {
            lines.removeLast();
        }
    }

    /** Servers per status in a frame, by {@link Status} ordinal. */
    static int[] statuses(FleetFrame frame) {
        int[] counts = new int[Status.values().length];
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            counts[frame.status(s).ordinal()]++;
        }
        return counts;
    }

    int totalAnomalies() {
        int total = 0;
        for (int count : anomaliesByServer.values()) {
            total += count;
        }
        return total;
    }

    /** A level as the demo prints it: whole numbers without decimals, others with one. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** An instant as the demo prints it: {@code yyyy-MM-dd HH:mm:ss}, UTC. */
    static String clock(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "");
    }
}
