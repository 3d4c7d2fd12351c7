package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.HtmlText.escape;
import static io.openmanager.vibe.examples.cli.HtmlText.fixed;
import static io.openmanager.vibe.examples.cli.HtmlText.number;

import io.openmanager.vibe.analytics.incident.IncidentGrouper;
import io.openmanager.vibe.analytics.incident.RootCauseCandidate;
import io.openmanager.vibe.analytics.recommend.Recommender;
import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.SimulationEngine;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.event.RecommendationEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code vibe report}'s page: one self-contained HTML document (inline CSS from {@code report.css} and hand-made SVG,
 * no script, no external resource) about a recorded run. Sections: the run, the fleet (status timeline, health score,
 * anomalies per server), incidents (ground truth matched with detected incidents, root-cause ranking, the
 * {@link Recommender}'s recommendations for their servers, detection delay), every recommendation of the run, the
 * pipeline's time-to-threshold predictions and whether they came true, detector quality against the ground truth and
 * per-server metric timelines with incident windows, anomalies and a forecast. What is shown comes from the
 * {@link ReportModel}; the charts from {@link ReportCharts}.
 *
 * <p>The markup is well-formed XML (XHTML-compatible HTML5), every piece of text is escaped and every number is
 * printed by integer arithmetic, so the same run gives the same bytes.
 */
final class HtmlReport {
    private static final int MAX_SERVER_SECTIONS = 12;
    private static final String CSS = resource("report.css");

    private final ReportModel model;
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
    private ReportCharts charts;

    /**
     * @param engine   the engine of the run
     * @param recorder what was recorded, from tick 0
     * @param ticks    the number of ticks run, at least 1
     * @param analysis the run's detected incidents, ranker and predictions, finished
     * @param locale   the language of the recommendations ({@link Locale#ENGLISH} or {@link Locale#KOREAN})
     */
    HtmlReport(SimulationEngine engine, ReportRecorder recorder, long ticks, RunAnalysis analysis, Locale locale) {
        this.model = new ReportModel(engine, recorder, ticks, analysis);
        this.engine = engine;
        this.fleet = model.fleet;
        this.metrics = model.metrics;
        this.recorder = recorder;
        this.analysis = analysis;
        this.locale = locale;
        this.ticks = ticks;
        this.start = model.start;
        this.end = model.end;
        this.incidents = model.incidents;
    }

    /** The number of SVG charts in the page; valid after {@link #render()}. */
    int charts() {
        return charts == null ? 0 : charts.count();
    }

    /** The incidents of the run (ground truth). */
    List<Incident> incidents() {
        return incidents;
    }

    /** Renders the page. */
    String render() {
        html.setLength(0);
        charts = new ReportCharts(model, html);
        List<ReportModel.IncidentRow> rows = model.matchIncidents();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
                .append(escape("Vibe report: seed " + engine.seed() + ", " + ReportCharts.clock(start) + " to " + ReportCharts.clock(end)))
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

    private void runSection(List<ReportModel.IncidentRow> rows) {
        html.append("<header>\n<h1>Vibe report</h1>\n<table class=\"facts\">\n");
        fact("seed", Long.toString(engine.seed()));
        fact("simulated", ReportCharts.clock(start) + " to " + ReportCharts.clock(end) + " (" + DurationText.format(Duration.between(start, end))
                + ")");
        fact("ticks", ticks + " of " + DurationText.format(engine.step()));
        fact("servers", Integer.toString(fleet.size()));
        List<String> names = new ArrayList<>();
        for (Scenario scenario : engine.scenarios()) {
            names.add(scenario.name());
        }
        fact("scenarios", names.isEmpty() ? "none" : String.join(", ", names));
        int detected = 0;
        for (ReportModel.IncidentRow row : rows) {
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
        charts.statusTimeline();
        legend(new String[]{"healthy", "warning", "critical", "offline", "no data"},
                new String[]{ReportCharts.STATUS_COLOURS[0], ReportCharts.STATUS_COLOURS[1], ReportCharts.STATUS_COLOURS[2], ReportCharts.STATUS_COLOURS[3], ReportCharts.NO_DATA});
        html.append("<h3>Fleet health score</h3>\n");
        charts.healthChart();
        legend(new String[]{"mean over servers", "lowest server"}, new String[]{"#1565c0", "#ef9a9a"});
        html.append("<h3>Anomalies per server</h3>\n");
        charts.anomaliesPerServer();
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

    private void incidentSection(List<ReportModel.IncidentRow> rows) {
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
        for (ReportModel.IncidentRow row : rows) {
            Incident incident = row.incident;
            html.append("<tr><td>").append(escape(ReportCharts.clock(incident.start()))).append("</td><td><b>")
                    .append(escape(incident.scenario())).append("</b><br/>").append(escape(incident.title()))
                    .append("</td><td>").append(escape(incident.origin())).append("</td><td>")
                    .append(escape(String.join(", ", incident.affectedServers()))).append("</td><td>")
                    .append(row.detected == null ? "<span class=\"bad\">missed</span>"
                            : escape(ReportCharts.clock(row.detected.start()))).append("</td><td>")
                    .append(row.detected == null ? "-" : escape(DurationText.format(row.delay()))).append("</td><td>");
            if (row.ranked.isEmpty()) {
                html.append('-');
            } else {
                html.append("<ol>");
                for (int i = 0; i < Math.min(3, row.ranked.size()); i++) {
                    RootCauseCandidate candidate = row.ranked.get(i);
                    String host = model.hostname(candidate.serverId());
                    html.append("<li").append(host.equals(incident.origin()) ? " class=\"good\"" : "").append('>')
                            .append(escape(host)).append(" <small>").append(fixed(candidate.score(), 2))
                            .append("</small></li>");
                }
                html.append("</ol>");
            }
            html.append("</td><td class=\"advice\"").append(langAttribute()).append('>');
            List<RecommendationEvent> advice = model.recommendationsFor(row);
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
        for (ReportModel.IncidentRow row : rows) {
            if (!row.ranked.isEmpty() && model.hostname(row.ranked.get(0).serverId()).equals(row.incident.origin())) {
                right++;
            }
        }
        html.append("</tbody>\n</table>\n<p>Root cause ranked first is the origin in ").append(right).append(" of ")
                .append(rows.size()).append(" incidents.</p>\n<h3>Detection delay</h3>\n");
        charts.delayChart(rows);
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
            html.append("<tr><td>").append(escape(ReportCharts.clock(recommendation.timestamp()))).append("</td><td>")
                    .append(escape(model.hostname(recommendation.serverId()))).append("</td><td>");
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
            html.append("<tr><td>").append(escape(model.hostname(series.serverId))).append("</td><td>")
                    .append(escape(series.metric)).append("</td><td>").append(number(series.level, 1))
                    .append("</td><td>").append(series.count()).append("</td><td>")
                    .append(escape(ReportCharts.clock(series.first))).append("</td><td>")
                    .append(escape(ReportCharts.clock(series.firstCrossing) + " (in "
                            + RunAnalysis.eta(series.first, series.firstCrossing) + ")"))
                    .append("</td><td>");
            if (series.reached() != null) {
                html.append("<span class=\"bad\">yes</span>, ").append(escape(ReportCharts.clock(series.reached())));
            } else if (series.max() == Double.NEGATIVE_INFINITY) {
                html.append("no");
            } else {
                html.append("no (max ").append(fixed(series.max(), 1)).append(')');
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
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
        List<ReportModel.Quality> qualities = model.qualities();
        for (ReportModel.Quality q : qualities) {
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
        charts.qualityChart(qualities);
        legend(new String[]{"precision", "recall", "F1", "NAB-style / 100"},
                new String[]{"#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"});
        html.append("</section>\n");
    }

    private void serverSections(List<ReportModel.IncidentRow> rows) {
        TreeSet<Integer> chosen = model.serversToShow(rows);
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
                charts.metricChart(server, m);
            }
            html.append("</div>\n");
        }
        legend(new String[]{"min-max", "mean", "incident window", "anomaly", "forecast 80 %", "forecast 95 %"},
                new String[]{"#90caf9", "#1565c0", "#ffe0b2", "#d32f2f", "#ce93d8", "#f3e5f5"});
        html.append("</section>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
