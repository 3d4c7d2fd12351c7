package io.openmanager.vibe.examples.serve;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.sim.Incident;
import io.openmanager.vibe.sim.export.OpenMetricsSeries;
import io.openmanager.vibe.sim.scenario.Scenario;
import io.openmanager.vibe.spi.event.PredictionEvent;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The text of {@code /metrics}: the fleet after the latest tick in OpenMetrics 1.0 (when the scraper accepts it, as
 * Prometheus does) or in Prometheus' text format 0.0.4, without timestamps (the scraper stamps the scrape).
 *
 * <ul>
 *   <li>every server's metrics, one gauge family per metric, named, labelled and valued by {@link OpenMetricsSeries}
 *       (the same series and values as {@code vibe simulate --format openmetrics} and remote write);</li>
 *   <li>{@code vibe_anomaly_score}: each series' latest anomaly score (label {@code metric}: the family name);</li>
 *   <li>{@code vibe_prediction_time_to_threshold_seconds}: each active prediction, seconds from the tick to the
 *       expected crossing (labels {@code metric} and {@code level});</li>
 *   <li>{@code vibe_incident_active}: per scenario, 1 while a ground-truth incident of it is in progress, else 0;</li>
 *   <li>{@code vibe_server_health_score}, {@code vibe_simulation_tick}, {@code vibe_simulation_time_seconds} and the
 *       {@code /events} stream's {@code vibe_events_clients} and {@code vibe_events_dropped_clients}.</li>
 * </ul>
 */
final class MetricsText {
    /** Content type of OpenMetrics 1.0. */
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    /** Content type of the Prometheus text format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final OpenMetricsSeries series;
    private final List<Scenario> scenarios;
    private final boolean openMetrics;
    private final StringBuilder text = new StringBuilder(32 * 1024);

    private MetricsText(OpenMetricsSeries series, List<Scenario> scenarios, boolean openMetrics) {
        this.series = series;
        this.scenarios = scenarios;
        this.openMetrics = openMetrics;
    }

    /** Whether an {@code Accept} header asks for OpenMetrics. */
    static boolean wantsOpenMetrics(String accept) {
        return accept != null && accept.contains("application/openmetrics-text");
    }

    /** The exposition of a snapshot. */
    static String render(Snapshot snapshot, OpenMetricsSeries series, List<Scenario> scenarios, EventHub hub,
                         boolean openMetrics) {
        return new MetricsText(series, scenarios, openMetrics).write(snapshot, hub);
    }

    private String write(Snapshot snapshot, EventHub hub) {
        FleetFrame frame = snapshot.frame();
        Fleet fleet = frame.fleet();
        int metricCount = series.metrics().size();
        for (int m = 0; m < metricCount; m++) {
            family(series.familyName(m), "gauge", series.unit(m), series.help(m));
            for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
                double value = series.value(frame, s, m);
                if (!Double.isNaN(value)) {
                    sampleStart(series.familyName(m), frame, s);
                    text.append("} ");
                    series.appendValue(text, m, value);
                    text.append('\n');
                }
            }
        }
        family("vibe_anomaly_score", "gauge", "",
                "Anomaly score of the latest value of each series, 0 (normal) to 1, from the streaming detector");
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            for (int m = 0; m < metricCount; m++) {
                double score = snapshot.score(s, m);
                if (!Double.isNaN(score)) {
                    sampleStart("vibe_anomaly_score", frame, s);
                    label("metric", series.familyName(m));
                    text.append("} ").append(score).append('\n');
                }
            }
        }
        family("vibe_prediction_time_to_threshold_seconds", "gauge", "seconds",
                "Time from now to the expected crossing of each active threshold prediction");
        for (PredictionEvent prediction : snapshot.predictions()) {
            int s = fleet.indexOfId(prediction.serverId());
            int m = series.metrics().indexOf(prediction.metric());
            if (s < frame.serverFrom() || s >= frame.serverTo() || m < 0) {
                continue;
            }
            sampleStart("vibe_prediction_time_to_threshold_seconds", frame, s);
            label("metric", series.familyName(m));
            label("level", Double.toString(series.rounded(m, prediction.level())));
            text.append("} ");
            seconds(Duration.between(frame.timestamp(), prediction.expectedCrossing()).toMillis());
            text.append('\n');
        }
        family("vibe_incident_active", "gauge", "",
                "1 while a ground-truth incident of the scenario is in progress, else 0");
        Set<String> active = new HashSet<>();
        for (Incident incident : snapshot.incidents()) {
            active.add(incident.scenario());
        }
        for (Scenario scenario : scenarios) {
            text.append("vibe_incident_active{");
            labelValue("scenario", scenario.name());
            text.append("} ").append(active.contains(scenario.name()) ? 1 : 0).append('\n');
        }
        family("vibe_server_health_score", "gauge", "", "Health score of each server, 0 to 100");
        for (int s = frame.serverFrom(); s < frame.serverTo(); s++) {
            sampleStart("vibe_server_health_score", frame, s);
            text.append("} ").append(snapshot.health().servers().get(s - frame.serverFrom()).score().value())
                    .append('\n');
        }
        family("vibe_simulation_tick", "gauge", "", "The simulation tick these values belong to");
        text.append("vibe_simulation_tick ").append(frame.tick()).append('\n');
        family("vibe_simulation_time_seconds", "gauge", "seconds", "The simulated instant of the tick");
        text.append("vibe_simulation_time_seconds ");
        seconds(frame.timestampMillis());
        text.append('\n');
        family("vibe_events_clients", "gauge", "", "Clients connected to /events");
        text.append("vibe_events_clients ").append(hub.subscribers()).append('\n');
        counter("vibe_events_dropped_clients", "Clients of /events dropped for reading too slowly",
                hub.droppedClients());
        if (openMetrics) {
            text.append("# EOF\n");
        }
        return text.toString();
    }

    /** Milliseconds as seconds in plain decimals ({@code 1767571495}, {@code -12.5}): no exponent, exact. */
    private void seconds(long millis) {
        if (millis < 0) {
            text.append('-');
        }
        long abs = Math.abs(millis);
        text.append(abs / 1000);
        long fraction = abs % 1000;
        if (fraction != 0) {
            String digits = Long.toString(1000 + fraction).substring(1);
            text.append('.').append(digits.replaceAll("0+$", ""));
        }
    }

    private void family(String name, String type, String unit, String help) {
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        if (openMetrics && !unit.isEmpty()) {
            text.append("# UNIT ").append(name).append(' ').append(unit).append('\n');
        }
        text.append("# HELP ").append(name).append(' ');
        if (openMetrics) {
            OpenMetricsSeries.appendEscaped(text, help);
        } else {
            // The text format escapes only backslash and line feed in HELP.
            text.append(help.replace("\\", "\\\\").replace("\n", "\\n"));
        }
        text.append('\n');
    }

    private void counter(String name, String help, long value) {
        // OpenMetrics names the family without _total and its sample with it; the text format names both with it.
        String family = openMetrics ? name : name + "_total";
        family(family, "counter", "", help);
        text.append(name).append("_total ").append(value).append('\n');
    }

    private void sampleStart(String name, FleetFrame frame, int server) {
        text.append(name).append('{');
        OpenMetricsSeries.appendLabels(text, frame.fleet().get(server));
    }

    private void label(String name, String value) {
        text.append(',');
        labelValue(name, value);
    }

    private void labelValue(String name, String value) {
        text.append(name).append("=\"");
        OpenMetricsSeries.appendEscaped(text, value);
        text.append('"');
    }
}
