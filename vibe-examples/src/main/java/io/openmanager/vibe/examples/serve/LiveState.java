package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.analytics.health.FleetHealth;
import io.openmanager.vibe.analytics.pipeline.AnalyticsPipeline;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;
import io.openmanager.vibe.spi.event.VibeEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code vibe serve} knows about the running simulation, kept on the engine's thread and read by the HTTP
 * threads: the last hour of every series, each series' latest anomaly score, the active predictions, the latest
 * anomalies and recommendations, and, after every tick, an immutable {@link Snapshot} of the fleet now.
 *
 * <p>Feed it, in order and on one thread, the engine's events and those of the analytics behind it (the pipeline's
 * anomalies and predictions, the recommendations); every event also goes to the {@link EventHub}. The engine never
 * waits for a reader: writers hold a lock only to copy a tick into the history, readers only to copy a series out.
 */
public final class LiveState implements VibeListener {
    /** Anomalies and recommendations kept for the dashboard and {@code /api/fleet}. */
    static final int RECENT_EVENTS = 50;
    /** How long a prediction stays active without being made again. */
    static final Duration PREDICTION_VALIDITY = Duration.ofHours(1);

    private final SimulationEngine engine;
    private final AnalyticsPipeline pipeline;
    private final EventHub hub;
    private final Fleet fleet;
    private final int metricCount;
    private final History history;
    private final Map<String, PredictionEvent> predictions = new LinkedHashMap<>();
    private final Deque<AnomalyEvent> anomalies = new ArrayDeque<>();
    private final Deque<RecommendationEvent> recommendations = new ArrayDeque<>();
    private volatile Snapshot snapshot;

    /**
     * @param engine   the engine whose events come in (fleet, metrics, step, ground truth)
     * @param pipeline the analytics pipeline that sees the same frames first (for each series' latest score)
     * @param hub      where every event goes on to, for {@code /events}
     * @param window   how much history to keep per series, such as one hour
     */
    public LiveState(SimulationEngine engine, AnalyticsPipeline pipeline, EventHub hub, Duration window) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.fleet = engine.fleet();
        this.metricCount = engine.metrics().size();
        this.history = new History(fleet.size() * metricCount, (int) Math.max(2, engine.ticksIn(window)));
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof FrameEvent) {
            tick(((FrameEvent) event).frame());
        } else if (event instanceof AnomalyEvent) {
            remember(anomalies, (AnomalyEvent) event);
        } else if (event instanceof PredictionEvent) {
            PredictionEvent prediction = (PredictionEvent) event;
            synchronized (predictions) {
                predictions.put(prediction.serverId() + '/' + prediction.metric(), prediction);
            }
        } else if (event instanceof RecommendationEvent) {
            remember(recommendations, (RecommendationEvent) event);
        }
        hub.publish(event);
    }

    private static <T> void remember(Deque<T> recent, T event) {
        synchronized (recent) {
            recent.addFirst(event);
            if (recent.size() > RECENT_EVENTS) {
                recent.removeLast();
            }
        }
    }

    private void tick(FleetFrame frame) {
        FleetFrame copy = frame.copy();
        double[] scores = new double[fleet.size() * metricCount];
        for (int s = 0; s < fleet.size(); s++) {
            for (int m = 0; m < metricCount; m++) {
                scores[s * metricCount + m] = s >= frame.serverFrom() && s < frame.serverTo()
                        ? pipeline.lastScore(s, m) : Double.NaN;
            }
        }
        history.add(copy, metricCount);
        Instant now = copy.timestamp();
        List<Incident> active = engine.incidents(now, now.plus(engine.step()));
        List<Incident> activeNow = new ArrayList<>();
        for (Incident incident : active) {
            if (incident.covers(now)) {
                activeNow.add(incident);
            }
        }
        Snapshot next = new Snapshot(copy, scores, FleetHealth.summarize(copy, engine.statusPolicy()),
                activePredictions(now), List.copyOf(activeNow), recent(anomalies), recent(recommendations));
        snapshot = next;
        hub.publishTick(next, this);
    }

    private List<PredictionEvent> activePredictions(Instant now) {
        List<PredictionEvent> active = new ArrayList<>();
        synchronized (predictions) {
            predictions.values().removeIf(p -> !p.expectedCrossing().isAfter(now)
                    || p.timestamp().plus(PREDICTION_VALIDITY).isBefore(now));
            active.addAll(predictions.values());
        }
        return List.copyOf(active);
    }

    private static <T> List<T> recent(Deque<T> recent) {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** The fleet now, or null before the first tick. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Ticks of history kept per series. */
    public int historyPoints() {
        return history.capacity;
    }

    /** The engine. */
    public SimulationEngine engine() {
        return engine;
    }

    /**
     * The kept history of one server: timestamps (epoch ms) and, per metric, the values (NaN when missing), oldest
     * first.
     */
    public History.Series series(int server) {
        return history.series(server * metricCount, metricCount);
    }

    /** Every tick of the kept window, per series; written under its own lock, one tick at a time. */
    public static final class History {
        private final int seriesCount;
        private final int capacity;
        private final long[] times;
        private final double[][] values;
        private int next;
        private int size;

        History(int seriesCount, int capacity) {
            this.seriesCount = seriesCount;
            this.capacity = capacity;
            this.times = new long[capacity];
            this.values = new double[seriesCount][capacity];
        }

        synchronized void add(FleetFrame frame, int metricCount) {
            times[next] = frame.timestampMillis();
            for (int i = 0; i < seriesCount; i++) {
                int server = i / metricCount;
                values[i][next] = server >= frame.serverFrom() && server < frame.serverTo()
                        ? frame.value(server, i % metricCount) : Double.NaN;
            }
            next = (next + 1) % capacity;
            size = Math.min(capacity, size + 1);
        }

        synchronized Series series(int first, int count) {
            long[] t = new long[size];
            double[][] v = new double[count][size];
            int start = (next - size + capacity) % capacity;
            for (int i = 0; i < size; i++) {
                int at = (start + i) % capacity;
                t[i] = times[at];
                for (int m = 0; m < count; m++) {
                    v[m][i] = values[first + m][at];
                }
            }
            return new Series(t, v);
        }

        /**
         * One server's kept history.
         *
         * @param timestampsMillis the ticks' instants, oldest first
         * @param values           per metric index, the values at those instants
         */
        public record Series(long[] timestampsMillis, double[][] values) {
        }
    }
}
