package io.openmanager.vibe.examples.cli;

import io.openmanager.vibe.analytics.evaluation.AnomalyWindow;
import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.EventWindowScore;
import io.openmanager.vibe.analytics.evaluation.EventWindowScorer;
import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code vibe report} shows, computed from a recorded run and its analysis: the ground-truth incidents matched
 * with detected ones and their root-cause ranking, detector quality per set of series, anomaly counts per server, the
 * recommendations of an incident and the servers worth a section. No markup here: {@link HtmlReport} lays it out and
 * {@link ReportCharts} draws it.
 */
final class ReportModel {
    private static final int MAX_SERVERS_WITHOUT_INCIDENTS = 3;

    final SimulationEngine engine;
    final Fleet fleet;
    final MetricSet metrics;
    final ReportRecorder recorder;
    final RunAnalysis analysis;
    final long ticks;
    final Instant start;
    final Instant end;
    final List<Incident> incidents;

    /**
     * @param engine   the engine of the run
     * @param recorder what was recorded, from tick 0
     * @param ticks    the number of ticks run, at least 1
     * @param analysis the run's detected incidents, ranker and predictions, finished
     */
    ReportModel(SimulationEngine engine, ReportRecorder recorder, long ticks, RunAnalysis analysis) {
        this.engine = engine;
        this.fleet = engine.fleet();
        this.metrics = engine.metrics();
        this.recorder = recorder;
        this.analysis = analysis;
        this.ticks = ticks;
        this.start = engine.start();
        this.end = engine.instantOf(ticks);
        this.incidents = engine.incidents(start, end);
    }

    /** One ground-truth incident and what the analytics made of it. */
    static final class IncidentRow {
        final Incident incident;
        final DetectedIncident detected;
        final List<RootCauseCandidate> ranked;

        IncidentRow(Incident incident, DetectedIncident detected, List<RootCauseCandidate> ranked) {
            this.incident = incident;
            this.detected = detected;
            this.ranked = ranked;
        }

        Duration delay() {
            Duration delay = Duration.between(incident.start(), detected.start());
            return delay.isNegative() ? Duration.ZERO : delay;
        }
    }

    /** Each ground-truth incident with the detected incident that matches it, if any, and its root-cause ranking. */
    List<IncidentRow> matchIncidents() {
        List<IncidentRow> rows = new ArrayList<>();
        for (Incident incident : incidents) {
            DetectedIncident best = analysis.matching(incident);
            rows.add(new IncidentRow(incident, best, best == null ? List.of() : analysis.ranker().rank(best)));
        }
        return rows;
    }

    /** Sums of window scores over a set of series. */
    static final class Quality {
        final String scope;
        int series;
        int windows;
        int detected;
        int detections;
        int falsePositives;
        long delaySeconds;
        double nabRaw;

        Quality(String scope) {
            this.scope = scope;
        }

        void add(EventWindowScore score) {
            series++;
            windows += score.windows();
            detected += score.detectedWindows();
            detections += score.detections();
            falsePositives += score.falsePositives();
            if (score.meanDetectionDelay().isPresent()) {
                delaySeconds += score.meanDetectionDelay().get().toSeconds() * score.detectedWindows();
            }
            nabRaw += score.nabScore();
        }

        double precision() {
            return detected + falsePositives == 0 ? 1 : (double) detected / (detected + falsePositives);
        }

        double recall() {
            return windows == 0 ? 1 : (double) detected / windows;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double nabNormalised() {
            CostProfile profile = CostProfile.STANDARD;
            double nullScore = -windows * profile.fnWeight();
            double perfect = windows * profile.tpWeight();
            return windows == 0 ? Double.NaN : 100 * (nabRaw - nullScore) / (perfect - nullScore);
        }
    }

    /**
     * Detector quality against the ground truth: the series affected by incidents, and the whole fleet. Each incident
     * labels a window on every series it affects; the anomalies of a series are its detections.
     */
    List<Quality> qualities() {
        int metricCount = metrics.size();
        Map<Integer, List<AnomalyWindow>> windows = new TreeMap<>();
        for (Incident incident : incidents) {
            incident.affected().forEach((host, names) -> {
                int server = fleet.indexOfHostname(host);
                if (server < 0) {
                    return;
                }
                for (int m = 0; m < metricCount; m++) {
                    if (names.contains("*") || names.contains(metrics.get(m).name())) {
                        windows.computeIfAbsent(server * metricCount + m, k -> new ArrayList<>())
                                .add(new AnomalyWindow(incident.start(), incident.end()));
                    }
                }
            });
        }
        Map<Integer, List<Instant>> detections = new TreeMap<>();
        for (AnomalyEvent anomaly : recorder.anomalies()) {
            int server = fleet.indexOfId(anomaly.serverId());
            int metric = metrics.indexOf(anomaly.metric());
            if (server >= 0 && metric >= 0) {
                detections.computeIfAbsent(server * metricCount + metric, k -> new ArrayList<>())
                        .add(anomaly.timestamp());
            }
        }
        Quality affected = new Quality("affected by incidents");
        Quality all = new Quality("whole fleet");
        Set<Integer> keys = new TreeSet<>(windows.keySet());
        keys.addAll(detections.keySet());
        EventWindowScorer scorer = EventWindowScorer.standard();
        for (int key : keys) {
            List<AnomalyWindow> w = windows.getOrDefault(key, List.of());
            EventWindowScore score = scorer.score(w, detections.getOrDefault(key, List.of()));
            all.add(score);
            if (!w.isEmpty()) {
                affected.add(score);
            }
        }
        all.series = fleet.size() * metricCount;
        return List.of(affected, all);
    }

    /** The servers with any anomaly, most anomalies first (ties by fleet order). */
    List<Integer> serversByAnomalies() {
        int[] counts = anomalyCounts();
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                order.add(s);
            }
        }
        order.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        return order;
    }

    /** Anomalies per server, by fleet index. */
    int[] anomalyCounts() {
        int[] counts = new int[fleet.size()];
        for (AnomalyEvent anomaly : recorder.anomalies()) {
            int server = fleet.indexOfId(anomaly.serverId());
            if (server >= 0) {
                counts[server]++;
            }
        }
        return counts;
    }

    /**
     * The servers worth a section, by fleet index: those involved in incidents (origin, affected, ranked first), or
     * without incidents the servers with the most anomalies (or the first server of a quiet run).
     */
    TreeSet<Integer> serversToShow(List<IncidentRow> rows) {
        TreeSet<Integer> chosen = new TreeSet<>();
        for (IncidentRow row : rows) {
            addHost(chosen, row.incident.origin());
            for (String host : row.incident.affectedServers()) {
                addHost(chosen, host);
            }
            if (!row.ranked.isEmpty()) {
                chosen.add(fleet.indexOfId(row.ranked.get(0).serverId()));
            }
        }
        if (chosen.isEmpty()) {
            for (int s : serversByAnomalies()) {
                if (chosen.size() < MAX_SERVERS_WITHOUT_INCIDENTS) {
                    chosen.add(s);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(0);
            }
        }
        return chosen;
    }

    private void addHost(Set<Integer> chosen, String hostname) {
        int index = fleet.indexOfHostname(hostname);
        if (index >= 0) {
            chosen.add(index);
        }
    }

    /** The recommendations for an incident's servers from its start to its end or its detected incident's end. */
    List<RecommendationEvent> recommendationsFor(IncidentRow row) {
        Incident incident = row.incident;
        Set<String> servers = new TreeSet<>();
        addId(servers, incident.origin());
        for (String host : incident.affectedServers()) {
            addId(servers, host);
        }
        Instant until = row.detected != null && row.detected.end().isAfter(incident.end())
                ? row.detected.end() : incident.end();
        List<RecommendationEvent> found = new ArrayList<>();
        for (RecommendationEvent recommendation : recorder.recommendations()) {
            if (servers.contains(recommendation.serverId()) && !recommendation.timestamp().isBefore(incident.start())
                    && !recommendation.timestamp().isAfter(until)) {
                found.add(recommendation);
            }
        }
        return found;
    }

    private void addId(Set<String> ids, String hostname) {
        int index = fleet.indexOfHostname(hostname);
        if (index >= 0) {
            ids.add(fleet.get(index).id());
        }
    }

    /** The hostname of a server id. */
    String hostname(String serverId) {
        return analysis.hostname(serverId);
    }

    /** Ticks from the start of the run to {@code instant}, fractional. */
    double tickOf(Instant instant) {
        return (double) Duration.between(start, instant).toMillis() / engine.step().toMillis();
    }
}
