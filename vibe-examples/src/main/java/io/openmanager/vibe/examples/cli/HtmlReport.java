package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.HtmlText.escape;
import static io.openmanager.vibe.examples.cli.HtmlText.fixed;
import static io.openmanager.vibe.examples.cli.HtmlText.number;

import io.openmanager.vibe.analytics.evaluation.AnomalyWindow;
import io.openmanager.vibe.analytics.evaluation.CostProfile;
import io.openmanager.vibe.analytics.evaluation.EventWindowScore;
import io.openmanager.vibe.analytics.evaluation.EventWindowScorer;
import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.analytics.incident.DetectedIncident;
import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.recommend.Recommender;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.event.AnomalyEvent;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code vibe report}'s page: one self-contained HTML document (inline CSS and hand-made SVG, no script, no external
 * resource) about a recorded run. Sections: the run, the fleet (status timeline, health score, anomalies per server),
 * incidents (ground truth matched with detected incidents, root-cause ranking, the {@link Recommender}'s
 * recommendations for their servers, detection delay), every recommendation of the run, the pipeline's
 * time-to-threshold predictions and whether they came true, detector quality against the ground truth and per-server
 * metric timelines with incident windows, anomalies and a forecast.
 *
 * <p>The markup is well-formed XML (XHTML-compatible HTML5), every piece of text is escaped and every number is
 * printed by integer arithmetic, so the same run gives the same bytes.
 */
final class HtmlReport {
    /** Width of every chart's view box; charts scale to the page. */
    static final int CHART_WIDTH = 960;
    /** Plot width of the time charts: the recorder's default number of buckets, one per pixel. */
    static final int PLOT_WIDTH = 880;
    private static final int LEFT = 64;
    private static final int MAX_SERVER_SECTIONS = 12;
    private static final int MAX_BARS = 30;
    private static final int MAX_LABEL_CHARS = 22;
    private static final String[] STATUS_COLOURS = {"#2e7d32", "#f9a825", "#c62828", "#616161"};
    private static final String NO_DATA = "#e0e0e0";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final long[] AXIS_STEPS_SECONDS = {60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
            86400, 172800, 604800, 2419200};

    private final SimulationEngine engine;
    private final Fleet fleet;
    private final MetricSet metrics;
    private final ReportRecorder recorder;
    private final RunAnalysis analysis;
    private final Locale locale;
    private final long ticks;
    private final Instant start;
    private final Instant end;
    private final List<Incident> incidents;
    private final StringBuilder html = new StringBuilder(1 << 20);
    private int charts;

    /**
     * @param engine   the engine of the run
     * @param recorder what was recorded, from tick 0
     * @param ticks    the number of ticks run, at least 1
     * @param analysis the run's detected incidents, ranker and predictions, finished
     * @param locale   the language of the recommendations ({@link Locale#ENGLISH} or {@link Locale#KOREAN})
     */
    HtmlReport(SimulationEngine engine, ReportRecorder recorder, long ticks, RunAnalysis analysis, Locale locale) {
        this.engine = engine;
        this.fleet = engine.fleet();
        this.metrics = engine.metrics();
        this.recorder = recorder;
        this.analysis = analysis;
        this.locale = locale;
        this.ticks = ticks;
        this.start = engine.start();
        this.end = engine.instantOf(ticks);
        this.incidents = engine.incidents(start, end);
    }

    /** The number of SVG charts in the page; valid after {@link #render()}. */
    int charts() {
        return charts;
    }

    /** The incidents of the run (ground truth). */
    List<Incident> incidents() {
        return incidents;
    }

    /** Renders the page. */
    String render() {
        html.setLength(0);
        charts = 0;
        List<IncidentRow> rows = matchIncidents();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(escape("Vibe report: seed " + engine.seed() + ", " + clock(start) + " to " + clock(end)))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        runSection(rows);
        fleetSection();
        incidentSection(rows);
        recommendationSection();
        predictionSection();
        qualitySection();
        serverSections(rows);
        html.append("<footer><p>Written by <code>vibe report</code>. Times are UTC. Charts show per-pixel minimum and"
                + " maximum (shaded) and mean (line) of each series.</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    // ---------------------------------------------------------------- sections

    private void runSection(List<IncidentRow> rows) {
        html.append("<header>\n<h1>Vibe report</h1>\n<table class=\"facts\">\n");
        fact("seed", Long.toString(engine.seed()));
        fact("simulated", clock(start) + " to " + clock(end) + " (" + DurationText.format(Duration.between(start, end))
                + ")");
        fact("ticks", ticks + " of " + DurationText.format(engine.step()));
        fact("servers", Integer.toString(fleet.size()));
        List<String> names = new ArrayList<>();
        for (Scenario scenario : engine.scenarios()) {
            names.add(scenario.name());
        }
        fact("scenarios", names.isEmpty() ? "none" : String.join(", ", names));
        int detected = 0;
        for (IncidentRow row : rows) {
            detected += row.detected == null ? 0 : 1;
        }
        fact("incidents", incidents.size() + " injected, " + detected + " detected");
        fact("anomalies", Integer.toString(recorder.anomalies().size()));
        fact("predictions", analysis.predictions() + " for " + analysis.predictedSeries().size() + " series");
        fact("recommendations", Integer.toString(recorder.recommendations().size()));
        fact("chart resolution", DurationText.format(engine.step().multipliedBy(recorder.bucketTicks()))
                + " per pixel");
        html.append("</table>\n</header>\n");
    }

    private void fact(String name, String value) {
        html.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private void fleetSection() {
        html.append("<section>\n<h2>Fleet</h2>\n<h3>Status per server</h3>\n");
        statusTimeline();
        legend(new String[]{"healthy", "warning", "critical", "offline", "no data"},
                new String[]{STATUS_COLOURS[0], STATUS_COLOURS[1], STATUS_COLOURS[2], STATUS_COLOURS[3], NO_DATA});
        html.append("<h3>Fleet health score</h3>\n");
        healthChart();
        legend(new String[]{"mean over servers", "lowest server"}, new String[]{"#1565c0", "#ef9a9a"});
        html.append("<h3>Anomalies per server</h3>\n");
        anomaliesPerServer();
        html.append("</section>\n");
    }

    private void legend(String[] names, String[] colours) {
        html.append("<p class=\"legend\">");
        for (int i = 0; i < names.length; i++) {
            html.append("<span><i style=\"background:").append(colours[i]).append("\"></i>").append(escape(names[i]))
                    .append("</span>");
        }
        html.append("</p>\n");
    }

    private void incidentSection(List<IncidentRow> rows) {
        html.append("<section>\n<h2>Incidents</h2>\n");
        if (rows.isEmpty()) {
            html.append("<p>No incident was injected in this run.</p>\n</section>\n");
            return;
        }
        html.append("<p>Each ground-truth incident with the detected incident (anomalies less than ")
                .append(escape(DurationText.format(IncidentGrouper.DEFAULT_GAP)))
                .append(" apart) overlapping it whose start is closest; its servers ranked as root-cause"
                        + " candidates; the recommendations made for the incident's servers while it lasted (to the"
                        + " end of the detected incident, if later).</p>\n<table class=\"grid\">\n<thead><tr>"
                        + "<th>start</th><th>scenario</th>"
                        + "<th>origin</th><th>affected servers</th><th>detected</th><th>delay</th>"
                        + "<th>root cause ranking</th><th>recommendations</th></tr></thead>\n<tbody>\n");
        for (IncidentRow row : rows) {
            Incident incident = row.incident;
            html.append("<tr><td>").append(escape(clock(incident.start()))).append("</td><td><b>")
                    .append(escape(incident.scenario())).append("</b><br/>").append(escape(incident.title()))
                    .append("</td><td>").append(escape(incident.origin())).append("</td><td>")
                    .append(escape(String.join(", ", incident.affectedServers()))).append("</td><td>")
                    .append(row.detected == null ? "<span class=\"bad\">missed</span>"
                            : escape(clock(row.detected.start()))).append("</td><td>")
                    .append(row.detected == null ? "-" : escape(DurationText.format(row.delay()))).append("</td><td>");
            if (row.ranked.isEmpty()) {
                html.append('-');
            } else {
                html.append("<ol>");
                for (int i = 0; i < Math.min(3, row.ranked.size()); i++) {
                    RootCauseCandidate candidate = row.ranked.get(i);
                    String host = hostname(candidate.serverId());
                    html.append("<li").append(host.equals(incident.origin()) ? " class=\"good\"" : "").append('>')
                            .append(escape(host)).append(" <small>").append(fixed(candidate.score(), 2))
                            .append("</small></li>");
                }
                html.append("</ol>");
            }
            html.append("</td><td class=\"advice\"").append(langAttribute()).append('>');
            List<RecommendationEvent> advice = recommendationsFor(row);
            if (advice.isEmpty()) {
                html.append('-');
            }
            for (RecommendationEvent recommendation : advice) {
                html.append("<p>");
                severity(recommendation);
                html.append(' ').append(escape(recommendation.action())).append("<br/><small>")
                        .append(escape(recommendation.reason())).append("</small></p>");
            }
            html.append("</td></tr>\n");
        }
        int right = 0;
        for (IncidentRow row : rows) {
            if (!row.ranked.isEmpty() && hostname(row.ranked.get(0).serverId()).equals(row.incident.origin())) {
                right++;
            }
        }
        html.append("</tbody>\n</table>\n<p>Root cause ranked first is the origin in ").append(right).append(" of ")
                .append(rows.size()).append(" incidents.</p>\n<h3>Detection delay</h3>\n");
        delayChart(rows);
        html.append("</section>\n");
    }

    private void recommendationSection() {
        List<RecommendationEvent> all = recorder.recommendations();
        html.append("<section>\n<h2>Recommendations</h2>\n<p>")
                .append(escape("Made by the Recommender from the pipeline's anomalies and predictions and from the"
                        + " detected incidents ranked by root cause; one per server and rule while the evidence does"
                        + " not change."))
                .append("</p>\n");
        if (all.isEmpty()) {
            html.append("<p>No recommendation was made in this run.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"grid\"><thead><tr><th>time</th><th>server</th><th>severity</th><th>action</th>"
                + "<th>reason</th></tr></thead>\n<tbody").append(langAttribute()).append(">\n");
        for (RecommendationEvent recommendation : all) {
            html.append("<tr><td>").append(escape(clock(recommendation.timestamp()))).append("</td><td>")
                    .append(escape(hostname(recommendation.serverId()))).append("</td><td>");
            severity(recommendation);
            html.append("</td><td>").append(escape(recommendation.action())).append("</td><td>")
                    .append(escape(recommendation.reason())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void predictionSection() {
        html.append("<section>\n<h2>Predictions</h2>\n<p>")
                .append(escape("The pipeline's time-to-threshold predictions, one row per series: its level, the"
                        + " first prediction and the crossing it expected, and whether the run reached the level"
                        + " after it."))
                .append("</p>\n");
        if (analysis.predictedSeries().isEmpty()) {
            html.append("<p>No crossing was predicted in this run.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"grid\"><thead><tr><th>server</th><th>metric</th><th>level</th><th>predictions</th>"
                + "<th>first predicted</th><th>expected crossing</th><th>level reached</th></tr></thead>\n<tbody>\n");
        for (RunAnalysis.PredictedSeries series : analysis.predictedSeries()) {
            html.append("<tr><td>").append(escape(hostname(series.serverId))).append("</td><td>")
                    .append(escape(series.metric)).append("</td><td>").append(number(series.level, 1))
                    .append("</td><td>").append(series.count()).append("</td><td>")
                    .append(escape(clock(series.first))).append("</td><td>")
                    .append(escape(clock(series.firstCrossing) + " (in "
                            + RunAnalysis.eta(series.first, series.firstCrossing) + ")"))
                    .append("</td><td>");
            if (series.reached() != null) {
                html.append("<span class=\"bad\">yes</span>, ").append(escape(clock(series.reached())));
            } else if (series.max() == Double.NEGATIVE_INFINITY) {
                html.append("no");
            } else {
                html.append("no (max ").append(fixed(series.max(), 1)).append(')');
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** The recommendations for an incident's servers from its start to its end or its detected incident's end. */
    private List<RecommendationEvent> recommendationsFor(IncidentRow row) {
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

    private void severity(RecommendationEvent recommendation) {
        String name = recommendation.severity().name();
        html.append("<b class=\"severity ").append(escape(name.toLowerCase(Locale.ROOT))).append("\">")
                .append(escape(name)).append("</b>");
    }

    /** A lang attribute for elements holding recommendation text when it is not English. */
    private String langAttribute() {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ""
                : " lang=\"" + escape(locale.getLanguage()) + "\"";
    }

    private void qualitySection() {
        html.append("<section>\n<h2>Detector quality against the ground truth</h2>\n<p>Each incident labels a window"
                + " (start to end of recovery) on every series it affects; the anomalies of a series are its"
                + " detections (")
                .append(escape("EventWindowScorer, NAB standard profile; the NAB-style score is normalised so that"
                        + " 0 is a detector that finds nothing and 100 a perfect one"))
                .append(").</p>\n<table class=\"grid\">\n<thead><tr><th>set of series</th><th>series</th><th>windows</th>"
                        + "<th>detected</th><th>anomalies</th><th>false positives</th><th>precision</th>"
                        + "<th>recall</th><th>F1</th><th>mean delay</th><th>NAB-style</th></tr></thead>\n<tbody>\n");
        List<Quality> qualities = qualities();
        for (Quality q : qualities) {
            html.append("<tr><td>").append(escape(q.scope)).append("</td><td>").append(q.series).append("</td><td>")
                    .append(q.windows).append("</td><td>").append(q.detected).append("</td><td>").append(q.detections)
                    .append("</td><td>").append(q.falsePositives).append("</td><td>").append(fixed(q.precision(), 3))
                    .append("</td><td>").append(fixed(q.recall(), 3)).append("</td><td>").append(fixed(q.f1(), 3))
                    .append("</td><td>").append(q.detected == 0 ? "-"
                            : escape(DurationText.format(Duration.ofSeconds(q.delaySeconds / q.detected))))
                    .append("</td><td>").append(q.windows == 0 ? "-" : fixed(q.nabNormalised(), 1))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        qualityChart(qualities);
        legend(new String[]{"precision", "recall", "F1", "NAB-style / 100"},
                new String[]{"#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"});
        html.append("</section>\n");
    }

    private void serverSections(List<IncidentRow> rows) {
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
            // Without incidents, the servers with the most anomalies (or the first server of a quiet run).
            for (int s : serversByAnomalies()) {
                if (chosen.size() < 3) {
                    chosen.add(s);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(0);
            }
        }
        html.append("<section class=\"servers\">\n<h2>Servers</h2>\n<p>Servers involved in incidents (origin,"
                + " affected, ranked first), every metric: incident windows shaded, anomalies as red dots, and a"
                + " forecast fitted on the series"
                + " (per-pixel means) before the dashed line, with its 80 % and 95 % intervals.</p>\n");
        int shown = 0;
        for (int server : chosen) {
            if (shown++ == MAX_SERVER_SECTIONS) {
                html.append("<p>").append(chosen.size() - MAX_SERVER_SECTIONS)
                        .append(" more servers are not shown.</p>\n");
                break;
            }
            Server s = fleet.get(server);
            html.append("<div class=\"server\">\n<h3>").append(escape(s.hostname())).append(" <small>")
                    .append(escape(s.role().name().toLowerCase(Locale.ROOT) + ", "
                            + s.environment().name().toLowerCase(Locale.ROOT)));
            if (!s.labels().isEmpty()) {
                List<String> labels = new ArrayList<>();
                s.labels().forEach((k, v) -> labels.add(k + "=" + v));
                html.append(", ").append(escape(String.join(" ", labels)));
            }
            html.append("</small></h3>\n");
            for (int m = 0; m < metrics.size(); m++) {
                metricChart(server, m);
            }
            html.append("</div>\n");
        }
        legend(new String[]{"min-max", "mean", "incident window", "anomaly", "forecast 80 %", "forecast 95 %"},
                new String[]{"#90caf9", "#1565c0", "#ffe0b2", "#d32f2f", "#ce93d8", "#f3e5f5"});
        html.append("</section>\n");
    }

    private void addHost(Set<Integer> chosen, String hostname) {
        int index = fleet.indexOfHostname(hostname);
        if (index >= 0) {
            chosen.add(index);
        }
    }

    // ---------------------------------------------------------------- analysis

    /** One ground-truth incident and what the analytics made of it. */
    private static final class IncidentRow {
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

    private List<IncidentRow> matchIncidents() {
        List<IncidentRow> rows = new ArrayList<>();
        for (Incident incident : incidents) {
            DetectedIncident best = analysis.matching(incident);
            rows.add(new IncidentRow(incident, best, best == null ? List.of() : analysis.ranker().rank(best)));
        }
        return rows;
    }

    /** Sums of window scores over a set of series. */
    private static final class Quality {
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

    private List<Quality> qualities() {
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

    private List<Integer> serversByAnomalies() {
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

    private int[] anomalyCounts() {
        int[] counts = new int[fleet.size()];
        for (AnomalyEvent anomaly : recorder.anomalies()) {
            int server = fleet.indexOfId(anomaly.serverId());
            if (server >= 0) {
                counts[server]++;
            }
        }
        return counts;
    }

    // ---------------------------------------------------------------- charts

    private void openSvg(int height, String label) {
        charts++;
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(CHART_WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">\n");
    }

    private void closeSvg() {
        html.append("</svg>\n");
    }

    /** x of the instant {@code tick} ticks after the start, for a plot starting at {@code left}. */
    private double x(double tick, int left, int width) {
        return left + tick * width / ticks;
    }

    private double bucketCentre(int bucket) {
        long from = bucket * recorder.bucketTicks();
        long to = Math.min(ticks, from + recorder.bucketTicks());
        return (from + to) / 2.0;
    }

    private double tickOf(Instant instant) {
        return (double) Duration.between(start, instant).toMillis() / engine.step().toMillis();
    }

    private void timeAxis(int left, int width, int top, int bottom) {
        long spanSeconds = Math.max(1, Duration.between(start, end).toSeconds());
        long stepSeconds = AXIS_STEPS_SECONDS[AXIS_STEPS_SECONDS.length - 1];
        for (long candidate : AXIS_STEPS_SECONDS) {
            if (spanSeconds / candidate <= 8) {
                stepSeconds = candidate;
                break;
            }
        }
        DateTimeFormatter format = spanSeconds <= 86_400 ? TIME : DAY_TIME;
        long first = Math.floorDiv(start.getEpochSecond() + stepSeconds - 1, stepSeconds) * stepSeconds;
        html.append("<g class=\"axis\">");
        for (long t = first; t <= end.getEpochSecond(); t += stepSeconds) {
            Instant at = Instant.ofEpochSecond(t);
            double atX = x(tickOf(at), left, width);
            String px = number(atX, 1);
            // Labels at the ends are anchored inside the chart, so that they are not cut off.
            String anchor = atX < left + 30 ? "start" : atX > left + width - 30 ? "end" : "middle";
            html.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(bottom).append("\"/><text x=\"").append(px).append("\" y=\"")
                    .append(bottom + 13).append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(escape(format.format(at)))
                    .append("</text>");
        }
        html.append("</g>\n");
    }

    private void statusTimeline() {
        int left = 170;
        int width = CHART_WIDTH - left - 16;
        int row = 14;
        int top = 4;
        int height = top + fleet.size() * row + 22;
        openSvg(height, "status of every server over time");
        int buckets = recorder.buckets();
        for (int s = 0; s < fleet.size(); s++) {
            int y = top + s * row;
            String host = fleet.get(s).hostname();
            html.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y + row - 3)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(host))).append("<title>")
                    .append(escape(host)).append("</title></text>\n");
            int b = 0;
            while (b < buckets) {
                Status status = recorder.worstStatus(s, b);
                int runEnd = b + 1;
                while (runEnd < buckets && recorder.worstStatus(s, runEnd) == status) {
                    runEnd++;
                }
                double x0 = x(b * (double) recorder.bucketTicks(), left, width);
                double x1 = x(Math.min(ticks, runEnd * recorder.bucketTicks()), left, width);
                html.append("<rect x=\"").append(number(x0, 1)).append("\" y=\"").append(y + 1)
                        .append("\" width=\"").append(number(x1 - x0, 1)).append("\" height=\"").append(row - 2)
                        .append("\" fill=\"").append(status == null ? NO_DATA : STATUS_COLOURS[status.ordinal()])
                        .append("\"/>");
                b = runEnd;
            }
            html.append('\n');
        }
        timeAxis(left, width, top, top + fleet.size() * row);
        closeSvg();
    }

    private void healthChart() {
        int top = 8;
        int plotHeight = 140;
        int height = top + plotHeight + 22;
        openSvg(height, "fleet health score over time");
        int buckets = recorder.buckets();
        double[] lowest = new double[buckets];
        double[] mean = new double[buckets];
        double floor = 100;
        for (int b = 0; b < buckets; b++) {
            lowest[b] = recorder.lowestHealth(b);
            mean[b] = recorder.fleetHealth(b);
            if (Double.isFinite(lowest[b])) {
                floor = Math.min(floor, lowest[b]);
            }
        }
        // From a round 10 below the lowest score (at most 80), so that small dips of the mean stay visible.
        double yMin = Math.min(80, Math.floor(floor / 10) * 10 - (floor % 10 == 0 && floor > 0 ? 10 : 0));
        List<Double> levels = new ArrayList<>();
        for (double level : new double[]{yMin, 50, 80, 90, 100}) {
            if (level >= yMin && !levels.contains(level)) {
                levels.add(level);
            }
        }
        double[] grid = new double[levels.size()];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = levels.get(i);
        }
        yGrid(grid, yMin, 100, top, plotHeight, LEFT, PLOT_WIDTH, "");
        double[] full = new double[buckets];
        java.util.Arrays.fill(full, 100);
        band(full, lowest, yMin, 100, top, plotHeight, "#ef9a9a", "none");
        line(mean, yMin, 100, top, plotHeight, "#1565c0", null);
        timeAxis(LEFT, PLOT_WIDTH, top, top + plotHeight);
        closeSvg();
    }

    private void anomaliesPerServer() {
        int[] counts = anomalyCounts();
        List<Integer> order = serversByAnomalies();
        if (order.isEmpty()) {
            html.append("<p>No anomaly was detected.</p>\n");
            return;
        }
        if (order.size() > MAX_BARS) {
            html.append("<p>The ").append(MAX_BARS).append(" servers with the most anomalies of ").append(order.size())
                    .append(" with any.</p>\n");
            order = order.subList(0, MAX_BARS);
        }
        List<String> labels = new ArrayList<>();
        double[] values = new double[order.size()];
        for (int i = 0; i < order.size(); i++) {
            labels.add(fleet.get(order.get(i)).hostname());
            values[i] = counts[order.get(i)];
        }
        barChart("anomalies per server", labels, values, null, "#1565c0", "0");
    }

    private void delayChart(List<IncidentRow> rows) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[rows.size()];
        String[] notes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            IncidentRow row = rows.get(i);
            labels.add(row.incident.scenario() + " " + DAY_TIME.format(row.incident.start()));
            values[i] = row.detected == null ? 0 : row.delay().toSeconds();
            notes[i] = row.detected == null ? "missed" : DurationText.format(row.delay());
        }
        barChart("detection delay per incident, seconds", labels, values, notes, "#ef6c00", "s");
    }

    /** Horizontal bars, one per label, scaled to the largest value; {@code notes} replace the printed values. */
    private void barChart(String title, List<String> labels, double[] values, String[] notes, String colour,
                          String unit) {
        int left = 230;
        int width = CHART_WIDTH - left - 90;
        int row = 18;
        int top = 4;
        int height = top + labels.size() * row + 6;
        double maxValue = 0;
        for (double v : values) {
            maxValue = Math.max(maxValue, v);
        }
        openSvg(height, title);
        for (int i = 0; i < labels.size(); i++) {
            int y = top + i * row;
            double w = maxValue == 0 ? 0 : values[i] / maxValue * width;
            html.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y + row - 5)
                    .append("\" text-anchor=\"end\">").append(escape(shorten(labels.get(i), 34))).append("<title>")
                    .append(escape(labels.get(i))).append("</title></text><rect x=\"").append(left).append("\" y=\"")
                    .append(y + 2).append("\" width=\"").append(number(w, 1)).append("\" height=\"").append(row - 4)
                    .append("\" fill=\"").append(colour).append("\"/><text class=\"value\" x=\"")
                    .append(number(left + w + 4, 1)).append("\" y=\"").append(y + row - 5).append("\">")
                    .append(escape(notes != null ? notes[i] : number(values[i], 0))).append("</text>\n");
        }
        closeSvg();
    }

    private void qualityChart(List<Quality> qualities) {
        int left = 230;
        int width = CHART_WIDTH - left - 90;
        int bar = 12;
        int group = 4 * bar + 14;
        int top = 4;
        int height = top + qualities.size() * group + 20;
        String[] colours = {"#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"};
        openSvg(height, "detector quality: precision, recall, F1 and NAB-style score per set of series");
        for (int g = 0; g < qualities.size(); g++) {
            Quality q = qualities.get(g);
            int y0 = top + g * group;
            html.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y0 + 2 * bar + 4)
                    .append("\" text-anchor=\"end\">").append(escape(q.scope)).append("</text>\n");
            double[] values = {q.precision(), q.recall(), q.f1(),
                q.windows == 0 ? Double.NaN : q.nabNormalised() / 100};
            for (int i = 0; i < values.length; i++) {
                int y = y0 + i * bar;
                double shown = Double.isFinite(values[i]) ? Math.max(0, Math.min(1, values[i])) : 0;
                html.append("<rect x=\"").append(left).append("\" y=\"").append(y).append("\" width=\"")
                        .append(number(shown * width, 1)).append("\" height=\"").append(bar - 2).append("\" fill=\"")
                        .append(colours[i]).append("\"/><text class=\"value\" x=\"")
                        .append(number(left + shown * width + 4, 1)).append("\" y=\"").append(y + bar - 3)
                        .append("\">").append(Double.isFinite(values[i]) ? fixed(values[i], 3) : "-")
                        .append("</text>\n");
            }
        }
        int axisY = top + qualities.size() * group;
        html.append("<g class=\"axis\">");
        for (int i = 0; i <= 4; i++) {
            String px = number(left + i * width / 4.0, 1);
            html.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(top)
                    .append("\" y2=\"").append(axisY).append("\"/><text x=\"").append(px).append("\" y=\"")
                    .append(axisY + 13).append("\" text-anchor=\"middle\">").append(fixed(i / 4.0, 2))
                    .append("</text>");
        }
        html.append("</g>\n");
        closeSvg();
    }

    private void metricChart(int server, int metric) {
        Metric m = metrics.get(metric);
        int buckets = recorder.buckets();
        double[] lo = new double[buckets];
        double[] hi = new double[buckets];
        double[] mean = recorder.means(server, metric);
        double dataMax = 0;
        double dataMin = 0;
        for (int b = 0; b < buckets; b++) {
            lo[b] = recorder.min(server, metric, b);
            hi[b] = recorder.max(server, metric, b);
            if (Double.isFinite(hi[b])) {
                dataMax = Math.max(dataMax, hi[b]);
                dataMin = Math.min(dataMin, lo[b]);
            }
        }
        int horizon = buckets >= 10 ? Math.max(1, buckets / 5) : 0;
        int origin = buckets - horizon;
        Forecast forecast = null;
        String model = null;
        if (horizon > 0) {
            double[] history = java.util.Arrays.copyOf(mean, origin);
            FittedModel fitted = Forecaster.auto(0, horizon)
                    .fit(history, engine.step().multipliedBy(recorder.bucketTicks()));
            Forecast f = fitted.forecast(horizon);
            if (Double.isFinite(f.mean(0))) {
                forecast = f;
                model = fitted.description();
            }
        }
        double yMax = niceCeiling(dataMax);
        if (m.max() <= 100 && m.max() >= dataMax && "%".equals(m.unit())) {
            yMax = 100;
        }
        double yMin = dataMin < 0 ? -niceCeiling(-dataMin) : 0;
        int top = 18;
        int plotHeight = 100;
        int height = top + plotHeight + 22;
        Server s = fleet.get(server);
        openSvg(height, s.hostname() + " " + m.name());
        html.append("<text class=\"title\" x=\"").append(LEFT).append("\" y=\"12\">").append(escape(m.name()))
                .append(" (").append(escape(m.unit())).append(')')
                .append(model == null ? "" : escape("   forecast: " + model)).append("</text>\n");
        // Incident windows first, so that the data is drawn over them.
        String id = s.id();
        for (Incident incident : incidents) {
            List<String> affected = incident.affected().get(s.hostname());
            if (affected == null && !incident.origin().equals(s.hostname())) {
                continue;
            }
            boolean thisMetric = affected != null && (affected.contains("*") || affected.contains(m.name()));
            double x0 = x(Math.max(0, tickOf(incident.start())), LEFT, PLOT_WIDTH);
            double x1 = x(Math.min(ticks, tickOf(incident.end())), LEFT, PLOT_WIDTH);
            html.append("<rect class=\"").append(thisMetric ? "window" : "window other").append("\" x=\"")
                    .append(number(x0, 1)).append("\" y=\"").append(top).append("\" width=\"")
                    .append(number(Math.max(1, x1 - x0), 1)).append("\" height=\"").append(plotHeight)
                    .append("\"><title>").append(escape(incident.scenario() + ": " + incident.title() + ", "
                            + clock(incident.start()) + " to " + clock(incident.end()))).append("</title></rect>\n");
        }
        yGrid(new double[]{yMin, (yMin + yMax) / 2, yMax}, yMin, yMax, top, plotHeight, LEFT, PLOT_WIDTH, "");
        if (forecast != null) {
            double[] fLo95 = new double[buckets];
            double[] fHi95 = new double[buckets];
            double[] fLo80 = new double[buckets];
            double[] fHi80 = new double[buckets];
            double[] fMean = new double[buckets];
            java.util.Arrays.fill(fLo95, Double.NaN);
            java.util.Arrays.fill(fHi95, Double.NaN);
            java.util.Arrays.fill(fLo80, Double.NaN);
            java.util.Arrays.fill(fHi80, Double.NaN);
            java.util.Arrays.fill(fMean, Double.NaN);
            for (int k = 0; k < horizon; k++) {
                fLo95[origin + k] = forecast.lower(95, k);
                fHi95[origin + k] = forecast.upper(95, k);
                fLo80[origin + k] = forecast.lower(80, k);
                fHi80[origin + k] = forecast.upper(80, k);
                fMean[origin + k] = forecast.mean(k);
            }
            band(fHi95, fLo95, yMin, yMax, top, plotHeight, "#f3e5f5", "none");
            band(fHi80, fLo80, yMin, yMax, top, plotHeight, "#ce93d8", "none");
            line(fMean, yMin, yMax, top, plotHeight, "#6a1b9a", "4 3");
            String px = number(x(origin * (double) recorder.bucketTicks(), LEFT, PLOT_WIDTH), 1);
            html.append("<line class=\"origin\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"")
                    .append(top).append("\" y2=\"").append(top + plotHeight).append("\"/>\n");
        }
        band(hi, lo, yMin, yMax, top, plotHeight, "#90caf9", "#90caf9");
        line(mean, yMin, yMax, top, plotHeight, "#1565c0", null);
        anomalyMarks(id, m.name(), yMin, yMax, top, plotHeight);
        timeAxis(LEFT, PLOT_WIDTH, top, top + plotHeight);
        closeSvg();
    }

    /** One red dot per pixel bucket holding anomalies of the series, at the highest-scoring one. */
    private void anomalyMarks(String serverId, String metric, double yMin, double yMax, int top, int plotHeight) {
        Map<Integer, AnomalyEvent> byBucket = new TreeMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (AnomalyEvent anomaly : recorder.anomalies()) {
            if (!anomaly.serverId().equals(serverId) || !anomaly.metric().equals(metric)) {
                continue;
            }
            long tick = Math.round(tickOf(anomaly.timestamp()));
            int bucket = (int) Math.min(recorder.buckets() - 1, Math.max(0, tick / recorder.bucketTicks()));
            AnomalyEvent kept = byBucket.get(bucket);
            if (kept == null || anomaly.score() > kept.score()) {
                byBucket.put(bucket, anomaly);
            }
            counts.merge(bucket, 1, Integer::sum);
        }
        for (Map.Entry<Integer, AnomalyEvent> e : byBucket.entrySet()) {
            AnomalyEvent a = e.getValue();
            double cx = x(tickOf(a.timestamp()), LEFT, PLOT_WIDTH);
            double cy = y(a.value(), yMin, yMax, top, plotHeight);
            int n = counts.get(e.getKey());
            html.append("<circle class=\"anomaly\" cx=\"").append(number(cx, 1)).append("\" cy=\"")
                    .append(number(cy, 1)).append("\" r=\"3\"><title>")
                    .append(escape(clock(a.timestamp()) + " " + metric + " = " + number(a.value(), 2) + ", score "
                            + fixed(a.score(), 2) + (n > 1 ? " (" + n + " anomalies here)" : "")))
                    .append("</title></circle>\n");
        }
    }

    private static double y(double value, double yMin, double yMax, int top, int plotHeight) {
        double clamped = Math.max(yMin, Math.min(yMax, value));
        return top + plotHeight - (clamped - yMin) / (yMax - yMin) * plotHeight;
    }

    private void yGrid(double[] levels, double yMin, double yMax, int top, int plotHeight, int left, int width,
                       String unit) {
        html.append("<g class=\"axis\">");
        for (double level : levels) {
            String py = number(y(level, yMin, yMax, top, plotHeight), 1);
            html.append("<line x1=\"").append(left).append("\" x2=\"").append(left + width).append("\" y1=\"")
                    .append(py).append("\" y2=\"").append(py).append("\"/><text x=\"").append(left - 4)
                    .append("\" y=\"").append(py).append("\" dy=\"3\" text-anchor=\"end\">")
                    .append(escape(number(level, level == Math.rint(level) ? 0 : 1) + unit)).append("</text>");
        }
        html.append("</g>\n");
    }

    /** A polyline through the finite values at the bucket centres, broken at gaps. */
    private void line(double[] values, double yMin, double yMax, int top, int plotHeight, String colour,
                      String dash) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int b = 0; b < values.length; b++) {
            if (!Double.isFinite(values[b])) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M').append(number(x(bucketCentre(b), LEFT, PLOT_WIDTH), 1)).append(',')
                    .append(number(y(values[b], yMin, yMax, top, plotHeight), 1));
            pen = true;
        }
        if (d.length() == 0) {
            return;
        }
        html.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"1.2\"");
        if (dash != null) {
            html.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        html.append("/>\n");
    }

    /** The area between two series (upper and lower), one polygon per run of finite buckets. */
    private void band(double[] upper, double[] lower, double yMin, double yMax, int top, int plotHeight,
                      String fill, String stroke) {
        StringBuilder d = new StringBuilder();
        int b = 0;
        while (b < upper.length) {
            if (!Double.isFinite(upper[b]) || !Double.isFinite(lower[b])) {
                b++;
                continue;
            }
            int runEnd = b;
            while (runEnd < upper.length && Double.isFinite(upper[runEnd]) && Double.isFinite(lower[runEnd])) {
                runEnd++;
            }
            // Each bucket spans its pixel, so that a run of one bucket is still visible.
            for (int i = b; i < runEnd; i++) {
                double x0 = x(i * (double) recorder.bucketTicks(), LEFT, PLOT_WIDTH);
                double x1 = x(Math.min(ticks, (i + 1) * recorder.bucketTicks()), LEFT, PLOT_WIDTH);
                String yy = number(y(upper[i], yMin, yMax, top, plotHeight), 1);
                d.append(i == b ? 'M' : 'L').append(number(x0, 1)).append(',').append(yy).append('L')
                        .append(number(x1, 1)).append(',').append(yy);
            }
            for (int i = runEnd - 1; i >= b; i--) {
                double x0 = x(i * (double) recorder.bucketTicks(), LEFT, PLOT_WIDTH);
                double x1 = x(Math.min(ticks, (i + 1) * recorder.bucketTicks()), LEFT, PLOT_WIDTH);
                String yy = number(y(lower[i], yMin, yMax, top, plotHeight), 1);
                d.append('L').append(number(x1, 1)).append(',').append(yy).append('L').append(number(x0, 1))
                        .append(',').append(yy);
            }
            d.append('Z');
            b = runEnd;
        }
        if (d.length() == 0) {
            return;
        }
        html.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"0.6\"/>\n");
    }

    // ---------------------------------------------------------------- text

    private String hostname(String serverId) {
        return analysis.hostname(serverId);
    }

    private static String clock(Instant instant) {
        return CLOCK.format(instant);
    }

    private static String shorten(String text) {
        return shorten(text, MAX_LABEL_CHARS);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code value} (1 for 0). */
    static double niceCeiling(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double power = 1;
        while (power * 10 <= value) {
            power *= 10;
        }
        while (power > value) {
            power /= 10;
        }
        for (double factor : new double[]{1, 2, 2.5, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static final String CSS = ""
            + ":root { color-scheme: light; }\n"
            + "body { font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, 'Noto Sans CJK KR',"
            + " 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif; color: #212121;"
            + " background: #fff; margin: 0 auto; max-width: 1100px; padding: 16px 24px; }\n"
            + "h1 { font-size: 24px; margin: 0 0 8px; } h2 { font-size: 19px; border-bottom: 2px solid #1565c0;"
            + " padding-bottom: 2px; margin-top: 28px; } h3 { font-size: 15px; margin: 16px 0 4px; }\n"
            + "small { color: #616161; font-weight: normal; }\n"
            + "svg { display: block; width: 100%; height: auto; margin: 2px 0 6px; font-size: 11px;"
            + " font-family: inherit; }\n"
            + "svg .axis line { stroke: #bdbdbd; stroke-width: 0.5; } svg .axis text { fill: #616161; }\n"
            + "svg .label { fill: #212121; } svg .value { fill: #424242; } svg .title { fill: #212121;"
            + " font-weight: 600; }\n"
            + "svg .window { fill: #ffcc80; opacity: 0.55; } svg .window.other { fill: #ffe0b2; opacity: 0.4; }\n"
            + "svg .anomaly { fill: #d32f2f; stroke: #fff; stroke-width: 0.8; }\n"
            + "svg .origin { stroke: #6a1b9a; stroke-dasharray: 3 3; stroke-width: 1; }\n"
            + "table { border-collapse: collapse; margin: 6px 0; }\n"
            + "table.facts th { text-align: left; padding: 1px 12px 1px 0; color: #616161; font-weight: normal; }\n"
            + "table.grid { width: 100%; font-size: 13px; } table.grid th, table.grid td { border: 1px solid #e0e0e0;"
            + " padding: 3px 6px; vertical-align: top; text-align: left; }\n"
            + "table.grid thead th { background: #f5f5f5; }\n"
            + "table.grid ol { margin: 0; padding-left: 18px; } td.advice p { margin: 0 0 4px; }\n"
            + ".severity { font-size: 11px; } .severity.critical { color: #c62828; }"
            + " .severity.warning { color: #ef6c00; } .severity.info { color: #1565c0; }\n"
            + ".good { color: #2e7d32; font-weight: 600; } .bad { color: #c62828; font-weight: 600; }\n"
            + ".legend span { margin-right: 14px; white-space: nowrap; font-size: 12px; }\n"
            + ".legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px;"
            + " vertical-align: -2px; border: 1px solid #bdbdbd; }\n"
            + "footer { margin-top: 32px; color: #616161; font-size: 12px; }\n"
            + "@media print {\n"
            + "  body { max-width: none; padding: 0; font-size: 11px; }\n"
            + "  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
            + "  section.servers { break-before: page; } svg, tr, .legend { break-inside: avoid; }\n"
            + "  h2, h3 { break-after: avoid; }\n"
            + "}\n";
}
