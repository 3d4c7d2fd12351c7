package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.incident.RootCauseRanker;
import io.openmanager.vibe.analytics.recommend.Recommender;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.VibeListener;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.FrameEvent;
import io.openmanager.vibe.spi.event.PredictionEvent;
import io.openmanager.vibe.spi.event.VibeEvent;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code vibe demo} and {@code vibe report} make of a run beyond the pipeline's own events, in one place: an
 * online {@link IncidentGrouper} whose closed incidents are ranked by a {@link RootCauseRanker} (with the engine's
 * dependencies) and handed to a {@link Recommender} together with the pipeline's anomalies and predictions; the
 * predictions of each series and whether the run reached their level; and the matching of the simulator's
 * ground-truth incidents with the detected ones.
 *
 * <p>Feed it the simulator's frames and the pipeline's anomaly and prediction events, in order, on one thread; the
 * recommendations go to the downstream listener as they are made. Call {@link #finish()} after the last event.
 */
final class RunAnalysis implements VibeListener {
    private final Fleet fleet;
    private final RootCauseRanker ranker;
    private final Recommender recommender;
    private final IncidentGrouper grouper;
    private final List<DetectedIncident> detected = new ArrayList<>();
    private final Map<String, PredictedSeries> predicted = new LinkedHashMap<>();
    private final List<PredictedSeries> followed = new ArrayList<>();
    private long predictions;

    /**
     * @param engine     the engine of the run (fleet and dependencies)
     * @param locale     the recommendations' language, as {@link #locale(String)} gives it
     * @param downstream receives every {@link io.openmanager.vibe.spi.event.RecommendationEvent}
     */
    RunAnalysis(SimulationEngine engine, Locale locale, VibeListener downstream) {
        this.fleet = engine.fleet();
        this.ranker = RootCauseRanker.builder().dependencies(dependenciesById(engine))
                .propagating(Set.of(Metric.RESPONSE_TIME.name())).build();
        this.recommender = Recommender.builder().fleet(fleet).locale(locale).downstream(downstream).build();
        this.grouper = new IncidentGrouper(this::closed);
    }

    /**
     * The locale of a command's {@code --lang} value.
     *
     * @param spec the command
     * @param lang the value
     * @throws ParameterException naming the option and value unless it is {@code en} or {@code ko}
     */
    static Locale locale(CommandSpec spec, String lang) {
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        if ("ko".equals(lang)) {
            return Locale.KOREAN;
        }
        throw new ParameterException(spec.commandLine(), "--lang must be en or ko: " + lang);
    }

    private void closed(DetectedIncident incident) {
        detected.add(incident);
        List<RootCauseCandidate> ranked = ranker.rank(incident);
        if (!ranked.isEmpty()) {
            recommender.onIncident(incident, ranked); // the new ones reach the downstream listener
        }
    }

    @Override
    public void onEvent(VibeEvent event) {
        if (event instanceof FrameEvent) {
            grouper.onEvent(event); // closes the open incident after a quiet gap
            FleetFrame frame = ((FrameEvent) event).frame();
            for (int i = 0; i < followed.size(); i++) {
                followed.get(i).observe(frame);
            }
        } else if (event instanceof AnomalyEvent) {
            // The recommender before the grouper: an anomaly that closes an incident must already be known to it.
            recommender.onAnomaly((AnomalyEvent) event);
            grouper.add((AnomalyEvent) event);
        } else if (event instanceof PredictionEvent) {
            prediction((PredictionEvent) event);
        }
    }

    private void prediction(PredictionEvent prediction) {
        predictions++;
        String key = prediction.serverId() + '\u0000' + prediction.metric();
        PredictedSeries series = predicted.get(key);
        if (series == null) {
            int server = fleet.indexOfId(prediction.serverId());
            series = new PredictedSeries(prediction, server);
            predicted.put(key, series);
            if (server >= 0) {
                followed.add(series);
            }
        }
        series.count++;
        recommender.onPrediction(prediction);
    }

    /** Closes the open incident, if any: it is ranked and recommended on like the others. */
    void finish() {
        grouper.flush();
    }

    /** Whether an incident is open (anomalies came less than the grouper's gap ago). */
    boolean hasOpenIncident() {
        return grouper.hasOpenIncident();
    }

    /** The detected incidents closed so far, in order. */
    List<DetectedIncident> detectedIncidents() {
        return Collections.unmodifiableList(detected);
    }

    /** The root-cause ranker, with the engine's dependencies. */
    RootCauseRanker ranker() {
        return ranker;
    }

    /** The number of predictions received. */
    long predictions() {
        return predictions;
    }

    /** The predicted series in the order of their first prediction. */
    Collection<PredictedSeries> predictedSeries() {
        return Collections.unmodifiableCollection(predicted.values());
    }

    /** The detected incident overlapping a ground-truth one whose start is closest to it, or null. */
    DetectedIncident matching(Incident incident) {
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

    /** The time from one instant to a later one in whole minutes (at least 1), as {@code 3h38m}; "0m" if not later. */
    static String eta(Instant from, Instant to) {
        Duration eta = Duration.between(from, to);
        return eta.isNegative() || eta.isZero() ? "0m" : DurationText.format(Duration.ofMinutes(
                Math.max(1, eta.toMinutes())));
    }

    /** The hostname of a server id; the id itself if the fleet has no such server. */
    String hostname(String serverId) {
        int index = fleet.indexOfId(serverId);
        return index < 0 ? serverId : fleet.get(index).hostname();
    }

    /**
     * The engine's dependencies (by hostname), keyed and valued by server id as the ranker wants them; hostnames
     * outside the fleet are left out.
     */
    static Map<String, List<String>> dependenciesById(SimulationEngine engine) {
        Fleet fleet = engine.fleet();
        Map<String, List<String>> byId = new HashMap<>();
        engine.dependencies().forEach((host, upstream) -> {
            int server = fleet.indexOfHostname(host);
            if (server < 0) {
                return;
            }
            List<String> ids = new ArrayList<>();
            for (String up : upstream) {
                int index = fleet.indexOfHostname(up);
                if (index >= 0) {
                    ids.add(fleet.get(index).id());
                }
            }
            byId.put(fleet.get(server).id(), ids);
        });
        return byId;
    }

    /** The predictions of one series (server and metric), and whether the frames reached the level after the first. */
    static final class PredictedSeries {
        final String serverId;
        final String metric;
        final double level;
        final Instant first;
        final Instant firstCrossing;
        private final int server;
        private int metricIndex = -1;
        private int count;
        private double max = Double.NEGATIVE_INFINITY;
        private long reachedMillis = Long.MIN_VALUE;

        PredictedSeries(PredictionEvent prediction, int server) {
            this.serverId = prediction.serverId();
            this.metric = prediction.metric();
            this.server = server;
            this.level = prediction.level();
            this.first = prediction.timestamp();
            this.firstCrossing = prediction.expectedCrossing();
        }

        /** Follows the series in a frame; allocation-free. */
        void observe(FleetFrame frame) {
            if (metricIndex < 0) {
                metricIndex = frame.metrics().indexOf(metric);
            }
            if (metricIndex < 0 || server < frame.serverFrom() || server >= frame.serverTo()) {
                return;
            }
            double value = frame.value(server, metricIndex);
            max = Math.max(max, value);
            if (reachedMillis == Long.MIN_VALUE && value >= level) {
                reachedMillis = frame.timestampMillis();
            }
        }

        /** The number of predictions of the series. */
        int count() {
            return count;
        }

        /** The highest value seen after the first prediction; negative infinity if none. */
        double max() {
            return max;
        }

        /** When the series first reached the level after the first prediction, or null if it did not. */
        Instant reached() {
            return reachedMillis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(reachedMillis);
        }
    }
}
