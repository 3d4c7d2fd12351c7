package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.Server;
import io.openmanager.vibe.core.frame.FleetFrame;
import io.openmanager.vibe.core.metric.Metric;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.metric.NamingConvention;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Prometheus / OpenMetrics series that frames become in one {@link NamingConvention}, exactly as
 * {@link Exporters#openMetrics} writes them: one gauge family per metric, its name, unit and help, the labels of a
 * server and each value rounded as every exporter rounds it. Whatever sends frames to a Prometheus-compatible store (a
 * scrape endpoint, remote write, a backfill file) uses this class, so the three give the same series and values.
 *
 * <pre>{@code
 * OpenMetricsSeries series = OpenMetricsSeries.of(MetricSet.standard(), NamingConvention.PROMETHEUS);
 * series.familyName(MetricSet.CPU);                  // "node_cpu_utilization_ratio"
 * series.unit(MetricSet.CPU);                        // "ratio"
 * series.value(frame, server, MetricSet.CPU);        // 0.41237, the double the exporters' text "0.41237" parses to
 * }</pre>
 *
 * <p><b>Names.</b> A family is named after the metric in the convention with every character outside
 * {@code [a-zA-Z0-9_:]} replaced by {@code _} (OpenTelemetry's dots) and a {@code _} before a leading digit. Its unit
 * is the convention's unit when the name ends in {@code _<unit>}, as OpenMetrics requires, else empty.
 *
 * <p><b>Labels.</b> {@link #LABEL_NAMES}: {@code server} (the hostname), {@code environment} and {@code role} (lower
 * case). Status is not a label: a label that changes would split a server's series.
 *
 * <p><b>Values.</b> The value in the convention's unit, rounded to the decimals of {@link Exporters} (percent 3,
 * ratio 5, ms 2, ...): {@link #value} is the double that the exporters' text parses back to, so a value written as
 * text, sent as a double or read back from a store compares equal. Immutable and thread-safe.
 */
public final class OpenMetricsSeries {
    /** The labels of every series, in the order they are written. */
    public static final List<String> LABEL_NAMES = List.of("server", "environment", "role");

    private final MetricSet metrics;
    private final NamingConvention naming;
    private final Metric[] metric;
    private final String[] familyNames;
    private final String[] units;
    private final int[] decimals;

    private OpenMetricsSeries(MetricSet metrics, NamingConvention naming) {
        this.metrics = metrics;
        this.naming = naming;
        int count = metrics.size();
        this.metric = new Metric[count];
        this.familyNames = new String[count];
        this.units = new String[count];
        this.decimals = new int[count];
        Map<String, String> seen = new HashMap<>();
        for (int m = 0; m < count; m++) {
            metric[m] = metrics.get(m);
            String conventionName = metric[m].nameIn(naming);
            familyNames[m] = sanitizedName(conventionName);
            String clash = seen.putIfAbsent(familyNames[m], conventionName);
            if (clash != null) {
                throw new IllegalArgumentException("metrics '" + clash + "' and '" + conventionName
                        + "' both become the OpenMetrics family '" + familyNames[m] + "'");
            }
            String unit = metric[m].unitIn(naming);
            // The format allows a UNIT only as the name's suffix: node_cpu_utilization_ratio has one,
            // cpu_usage (%) not.
            boolean suffix = !unit.isEmpty() && unit.equals(sanitizedName(unit)) && familyNames[m].endsWith("_" + unit);
            units[m] = suffix ? unit : "";
            decimals[m] = FixedDecimal.decimals(metric[m], naming);
        }
    }

    /**
     * The series of a metric set in a convention.
     *
     * @throws IllegalArgumentException if two metrics' names become the same family name
     */
    public static OpenMetricsSeries of(MetricSet metrics, NamingConvention naming) {
        return new OpenMetricsSeries(Objects.requireNonNull(metrics, "metrics must not be null"),
                Objects.requireNonNull(naming, "naming convention must not be null"));
    }

    /** The metrics, whose indexes the other methods take. */
    public MetricSet metrics() {
        return metrics;
    }

    /** The naming convention. */
    public NamingConvention naming() {
        return naming;
    }

    /** The family name of the metric at an index, such as {@code node_cpu_utilization_ratio}. */
    public String familyName(int metricIndex) {
        return familyNames[metricIndex];
    }

    /** The family's unit, such as {@code ratio}; empty when the name does not end in it (no {@code # UNIT}). */
    public String unit(int metricIndex) {
        return units[metricIndex];
    }

    /** The family's help text (the metric's description, unescaped; may be empty). */
    public String help(int metricIndex) {
        return metric[metricIndex].description();
    }

    /**
     * A server's value of a metric in a frame, in the convention's unit and rounded as the exporters write it; NaN
     * when missing or not finite (no sample is written then). Allocation-free.
     */
    public double value(FleetFrame frame, int server, int metricIndex) {
        return rounded(metricIndex, frame.value(server, metricIndex));
    }

    /**
     * A value in the seed unit (as frames hold it), converted to the convention's unit and rounded as the exporters
     * write it; NaN when NaN or not finite. Allocation-free.
     */
    public double rounded(int metricIndex, double seedValue) {
        return FixedDecimal.rounded(metric[metricIndex].toConvention(naming, seedValue), decimals[metricIndex]);
    }

    /**
     * Appends a value that {@link #value} or {@link #rounded} returned as the exporters' text ({@code 0.41237},
     * {@code 154.62}, {@code 7}), which parses back to the same double.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public void appendValue(StringBuilder out, int metricIndex, double roundedValue) {
        FixedDecimal.append(out, roundedValue, decimals[metricIndex]);
    }

    /** The values of {@link #LABEL_NAMES} for a server: hostname, environment and role in lower case. */
    public static List<String> labelValues(Server server) {
        return List.of(server.hostname(), Names.of(server.environment()), Names.of(server.role()));
    }

    /**
     * Appends a server's labels without braces, escaped: {@code server="web-01",environment="aws",role="web"}.
     */
    public static void appendLabels(StringBuilder out, Server server) {
        out.append("server=\"");
        appendEscaped(out, server.hostname());
        out.append("\",environment=\"").append(Names.of(server.environment()))
                .append("\",role=\"").append(Names.of(server.role())).append('"');
    }

    /**
     * Appends a label value or help text escaped as OpenMetrics and the Prometheus text format want it: backslash,
     * double quote and line feed preceded by a backslash.
     */
    public static void appendEscaped(StringBuilder out, String text) {
        Escapes.openMetricsString(out, text);
    }

    /**
     * A valid metric or label name made of any text: every character outside {@code [a-zA-Z0-9_:]} becomes
     * {@code _}, and a leading digit gets a {@code _} in front.
     */
    public static String sanitizedName(String text) {
        return Escapes.openMetricsName(text);
    }
}
