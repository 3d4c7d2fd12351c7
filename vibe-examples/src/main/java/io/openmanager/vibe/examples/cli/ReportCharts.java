package io.openmanager.vibe.examples.cli;

import static io.openmanager.vibe.examples.cli.HtmlText.escape;
import static io.openmanager.vibe.examples.cli.HtmlText.fixed;
import static io.openmanager.vibe.examples.cli.HtmlText.number;
import static io.openmanager.vibe.examples.cli.SvgChart.CHART_WIDTH;
import static io.openmanager.vibe.examples.cli.SvgChart.LEFT;
import static io.openmanager.vibe.examples.cli.SvgChart.PLOT_WIDTH;

import io.openmanager.vibe.analytics.forecast.FittedModel;
import io.openmanager.vibe.analytics.forecast.Forecast;
import io.openmanager.vibe.analytics.forecast.Forecaster;
import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.status.Status;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.spi.event.AnomalyEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charts of {@code vibe report}, drawn from the {@link ReportModel} with {@link SvgChart}: the fleet's status
 * timeline and health score, anomalies per server, detection delay per incident, detector quality, and one chart per
 * metric of a server with incident windows, anomalies and a forecast.
 */
final class ReportCharts {
    /** Colours of the statuses, by ordinal: healthy, warning, critical, offline. */
    static final String[] STATUS_COLOURS = {"#2e7d32", "#f9a825", "#c62828", "#616161"};
    /** Colour of a bucket without data. */
    static final String NO_DATA = "#e0e0e0";
    private static final int MAX_BARS = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ReportModel model;
    private final ReportRecorder recorder;
    private final StringBuilder html;
    private final SvgChart svg;

    ReportCharts(ReportModel model, StringBuilder html) {
        this.model = model;
        this.recorder = model.recorder;
        this.html = html;
        this.svg = new SvgChart(html, model.ticks, recorder.bucketTicks(), model.start, model.end,
                model.engine.step());
    }

    /** The number of charts drawn so far. */
    int count() {
        return svg.count();
    }

    void statusTimeline() {
        int left = 170;
        int width = CHART_WIDTH - left - 16;
        int row = 14;
        int top = 4;
        int servers = model.fleet.size();
        int height = top + servers * row + 22;
        svg.open(height, "status of every server over time");
        int buckets = recorder.buckets();
        for (int s = 0; s < servers; s++) {
            int y = top + s * row;
            String host = model.fleet.get(s).hostname();
            html.append("<text class=\"label\" x=\"").append(left - 6).append("\" y=\"").append(y + row - 3)
                    .append("\" text-anchor=\"end\">").append(escape(SvgChart.shorten(host))).append("<title>")
                    .append(escape(host)).append("</title></text>\n");
            int b = 0;
            while (b < buckets) {
                Status status = recorder.worstStatus(s, b);
                int runEnd = b + 1;
                while (runEnd < buckets && recorder.worstStatus(s, runEnd) == status) {
                    runEnd++;
                }
                double x0 = svg.x(b * (double) recorder.bucketTicks(), left, width);
                double x1 = svg.x(Math.min(model.ticks, runEnd * recorder.bucketTicks()), left, width);
                html.append("<rect x=\"").append(number(x0, 1)).append("\" y=\"").append(y + 1)
                        .append("\" width=\"").append(number(x1 - x0, 1)).append("\" height=\"").append(row - 2)
                        .append("\" fill=\"").append(status == null ? NO_DATA : STATUS_COLOURS[status.ordinal()])
                        .append("\"/>");
                b = runEnd;
            }
            html.append('\n');
        }
        svg.timeAxis(left, width, top, top + servers * row);
        svg.close();
    }

    void healthChart() {
        int top = 8;
        int plotHeight = 140;
        int height = top + plotHeight + 22;
        svg.open(height, "fleet health score over time");
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
        svg.yGrid(grid, yMin, 100, top, plotHeight, LEFT, PLOT_WIDTH, "");
        double[] full = new double[buckets];
        Arrays.fill(full, 100);
        svg.band(full, lowest, yMin, 100, top, plotHeight, "#ef9a9a", "none");
        svg.line(mean, yMin, 100, top, plotHeight, "#1565c0", null);
        svg.timeAxis(LEFT, PLOT_WIDTH, top, top + plotHeight);
        svg.close();
    }

    void anomaliesPerServer() {
        int[] counts = model.anomalyCounts();
        List<Integer> order = model.serversByAnomalies();
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
            labels.add(model.fleet.get(order.get(i)).hostname());
            values[i] = counts[order.get(i)];
        }
        svg.barChart("anomalies per server", labels, values, null, "#1565c0");
    }

    void delayChart(List<ReportModel.IncidentRow> rows) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[rows.size()];
        String[] notes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ReportModel.IncidentRow row = rows.get(i);
            labels.add(row.incident.scenario() + " " + SvgChart.DAY_TIME.format(row.incident.start()));
            values[i] = row.detected == null ? 0 : row.delay().toSeconds();
            notes[i] = row.detected == null ? "missed" : DurationText.format(row.delay());
        }
        svg.barChart("detection delay per incident, seconds", labels, values, notes, "#ef6c00");
    }

    void qualityChart(List<ReportModel.Quality> qualities) {
        int left = 230;
        int width = CHART_WIDTH - left - 90;
        int bar = 12;
        int group = 4 * bar + 14;
        int top = 4;
        int height = top + qualities.size() * group + 20;
        String[] colours = {"#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00"};
        svg.open(height, "detector quality: precision, recall, F1 and NAB-style score per set of series");
        for (int g = 0; g < qualities.size(); g++) {
            ReportModel.Quality q = qualities.get(g);
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
        svg.close();
    }

    /** One metric of one server: min-max band, mean, incident windows, anomalies, and a forecast of the last fifth. */
    void metricChart(int server, int metric) {
        Metric m = model.metrics.get(metric);
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
        String description = null;
        if (horizon > 0) {
            double[] history = Arrays.copyOf(mean, origin);
            FittedModel fitted = Forecaster.auto(0, horizon)
                    .fit(history, model.engine.step().multipliedBy(recorder.bucketTicks()));
            Forecast f = fitted.forecast(horizon);
            if (Double.isFinite(f.mean(0))) {
                forecast = f;
                description = fitted.description();
            }
        }
        double yMax = SvgChart.niceCeiling(dataMax);
        if (m.max() <= 100 && m.max() >= dataMax && "%".equals(m.unit())) {
            yMax = 100;
        }
        double yMin = dataMin < 0 ? -SvgChart.niceCeiling(-dataMin) : 0;
        int top = 18;
        int plotHeight = 100;
        int height = top + plotHeight + 22;
        Server s = model.fleet.get(server);
        svg.open(height, s.hostname() + " " + m.name());
        html.append("<text class=\"title\" x=\"").append(LEFT).append("\" y=\"12\">").append(escape(m.name()))
                .append(" (").append(escape(m.unit())).append(')')
                .append(description == null ? "" : escape("   forecast: " + description)).append("</text>\n");
        // Incident windows first, so that the data is drawn over them.
        for (Incident incident : model.incidents) {
            List<String> affected = incident.affected().get(s.hostname());
            if (affected == null && !incident.origin().equals(s.hostname())) {
                continue;
            }
            boolean thisMetric = affected != null && (affected.contains("*") || affected.contains(m.name()));
            double x0 = svg.x(Math.max(0, model.tickOf(incident.start())));
            double x1 = svg.x(Math.min(model.ticks, model.tickOf(incident.end())));
            html.append("<rect class=\"").append(thisMetric ? "window" : "window other").append("\" x=\"")
                    .append(number(x0, 1)).append("\" y=\"").append(top).append("\" width=\"")
                    .append(number(Math.max(1, x1 - x0), 1)).append("\" height=\"").append(plotHeight)
                    .append("\"><title>").append(escape(incident.scenario() + ": " + incident.title() + ", "
                            + clock(incident.start()) + " to " + clock(incident.end()))).append("</title></rect>\n");
        }
        svg.yGrid(new double[]{yMin, (yMin + yMax) / 2, yMax}, yMin, yMax, top, plotHeight, LEFT, PLOT_WIDTH, "");
        if (forecast != null) {
            forecastBands(forecast, buckets, origin, horizon, yMin, yMax, top, plotHeight);
        }
        svg.band(hi, lo, yMin, yMax, top, plotHeight, "#90caf9", "#90caf9");
        svg.line(mean, yMin, yMax, top, plotHeight, "#1565c0", null);
        anomalyMarks(s.id(), m.name(), yMin, yMax, top, plotHeight);
        svg.timeAxis(LEFT, PLOT_WIDTH, top, top + plotHeight);
        svg.close();
    }

    /** The forecast's 95 % and 80 % intervals, its mean (dashed) and the forecast origin's line. */
    private void forecastBands(Forecast forecast, int buckets, int origin, int horizon, double yMin, double yMax,
                               int top, int plotHeight) {
        double[] lo95 = new double[buckets];
        double[] hi95 = new double[buckets];
        double[] lo80 = new double[buckets];
        double[] hi80 = new double[buckets];
        double[] mean = new double[buckets];
        Arrays.fill(lo95, Double.NaN);
        Arrays.fill(hi95, Double.NaN);
        Arrays.fill(lo80, Double.NaN);
        Arrays.fill(hi80, Double.NaN);
        Arrays.fill(mean, Double.NaN);
        for (int k = 0; k < horizon; k++) {
            lo95[origin + k] = forecast.lower(95, k);
            hi95[origin + k] = forecast.upper(95, k);
            lo80[origin + k] = forecast.lower(80, k);
            hi80[origin + k] = forecast.upper(80, k);
            mean[origin + k] = forecast.mean(k);
        }
        svg.band(hi95, lo95, yMin, yMax, top, plotHeight, "#f3e5f5", "none");
        svg.band(hi80, lo80, yMin, yMax, top, plotHeight, "#ce93d8", "none");
        svg.line(mean, yMin, yMax, top, plotHeight, "#6a1b9a", "4 3");
        String px = number(svg.x(origin * (double) recorder.bucketTicks()), 1);
        html.append("<line class=\"origin\" x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"")
                .append(top).append("\" y2=\"").append(top + plotHeight).append("\"/>\n");
    }

    /** One red dot per pixel bucket holding anomalies of the series, at the highest-scoring one. */
    private void anomalyMarks(String serverId, String metric, double yMin, double yMax, int top, int plotHeight) {
        Map<Integer, AnomalyEvent> byBucket = new TreeMap<>();
        Map<Integer, Integer> counts = new HashMap<>();
        for (AnomalyEvent anomaly : recorder.anomalies()) {
            if (!anomaly.serverId().equals(serverId) || !anomaly.metric().equals(metric)) {
                continue;
            }
            long tick = Math.round(model.tickOf(anomaly.timestamp()));
            int bucket = (int) Math.min(recorder.buckets() - 1, Math.max(0, tick / recorder.bucketTicks()));
            AnomalyEvent kept = byBucket.get(bucket);
            if (kept == null || anomaly.score() > kept.score()) {
                byBucket.put(bucket, anomaly);
            }
            counts.merge(bucket, 1, Integer::sum);
        }
        for (Map.Entry<Integer, AnomalyEvent> e : byBucket.entrySet()) {
            AnomalyEvent a = e.getValue();
            double cx = svg.x(model.tickOf(a.timestamp()));
            double cy = SvgChart.y(a.value(), yMin, yMax, top, plotHeight);
            int n = counts.get(e.getKey());
            html.append("<circle class=\"anomaly\" cx=\"").append(number(cx, 1)).append("\" cy=\"")
                    .append(number(cy, 1)).append("\" r=\"3\"><title>")
                    .append(escape(clock(a.timestamp()) + " " + metric + " = " + number(a.value(), 2) + ", score "
                            + fixed(a.score(), 2) + (n > 1 ? " (" + n + " anomalies here)" : "")))
                    .append("</title></circle>\n");
        }
    }

    /** An instant as the report prints it: {@code yyyy-MM-dd HH:mm:ss}, UTC. */
    static String clock(Instant instant) {
        return CLOCK.format(instant);
    }
}
