package io.openmanager.vibe.sim.export;

import io.openmanager.vibe.core.metric.NamingConvention;
import io.openmanager.vibe.sim.Incident;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Makes {@link Exporter}s: listeners that write a simulation's frames, or its other events, as text.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("day.csv"));
 *      Exporter csv = Exporters.csv(out, NamingConvention.PROMETHEUS)) {
 *     engine.batch().ticks(0, 17_280).framesOnly().listener(csv).run();
 * }
 * }</pre>
 *
 * <p><b>What a frame becomes.</b> Every format writes, per server of the frame and per tick, the timestamp, the
 * server's hostname, environment, role and status (lower case: {@code onpremise}, {@code web}, {@code healthy}) and
 * one value per metric, named and scaled in the chosen {@link NamingConvention} ({@code cpu_usage} in percent in
 * {@code SEED}, {@code system.cpu.utilization} as a ratio in {@code OPENTELEMETRY}).
 *
 * <p><b>Numbers are the same on every JDK.</b> Values are rounded to a fixed number of decimals per metric and
 * convention, so that every convention carries the same resolution: percent 3 (ratio 5), MB/s 6 (bytes per second 0),
 * ms 2 (seconds 5), other units 6 (shifted by the convention's power-of-ten scale). They are printed with integer
 * arithmetic, never with {@code Double.toString}, whose output changed in JDK 19; trailing zeros are dropped
 * ({@code 42.5}, {@code 7}). A missing value (NaN, or an infinity) is {@code null} in JSON, an empty field in CSV and
 * absent in Influx and OpenMetrics.
 *
 * <p>Timestamps are ISO-8601 in UTC ({@code 2026-01-05T00:00:05Z}, with milliseconds only when not zero) in JSON and
 * CSV, nanoseconds in Influx and seconds in OpenMetrics.
 */
public final class Exporters {
    private Exporters() {
    }

    /**
     * JSON Lines: per server per tick one object and a line feed, keys in this order: {@code timestamp},
     * {@code server}, {@code environment}, {@code role}, {@code status}, then one key per metric (here broken into
     * two lines):
     *
     * <pre>{@code
     * {"timestamp":"2026-01-05T00:00:00Z","server":"web-server-01","environment":"onpremise","role":"web",
     *  "status":"healthy","cpu_usage":22.164,"memory_usage":41.641,...,"response_time":154.62}
     * }</pre>
     */
    public static Exporter jsonLines(Writer out, NamingConvention naming) {
        return new JsonLinesExporter(requireWriter(out), naming);
    }

    /**
     * CSV per RFC 4180: the header {@code timestamp,server,environment,role,status,<metric names>}, then one record
     * per server per tick, each ending with CRLF; fields are quoted only when they need it. The first frame fixes the
     * columns: a later frame with other metrics is refused.
     */
    public static Exporter csv(Writer out, NamingConvention naming) {
        return new CsvExporter(requireWriter(out), naming);
    }

    /**
     * InfluxDB line protocol: per server per tick
     * {@code vibe,environment=<e>,role=<r>,server=<hostname>,status=<s> <metric>=<value>,... <ns>}: measurement
     * {@code vibe}, tags in key order and escaped as the protocol asks, one float field per metric present, the
     * timestamp in nanoseconds. A line with no value at all is left out.
     */
    public static Exporter influx(Writer out, NamingConvention naming) {
        return new InfluxExporter(requireWriter(out), naming);
    }

    /**
     * OpenMetrics 1.0 text for backfilling: one gauge family per metric ({@code # TYPE}, {@code # UNIT} where the name
     * ends in its unit, {@code # HELP}), samples {@code name{server="..",environment="..",role=".."} value seconds},
     * names sanitised to {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, and {@code # EOF}.
     *
     * <p>OpenMetrics does not allow a family or a series to be interrupted, so the samples cannot be printed tick by
     * tick. This exporter keeps the frames in a temporary file (8 bytes per value, in the default temporary
     * directory, deleted at close) and writes everything at {@link Exporter#close()}; until then the writer receives
     * nothing. Every frame must cover the same servers of the same fleet, with increasing timestamps.
     */
    public static Exporter openMetrics(Writer out, NamingConvention naming) {
        return new OpenMetricsExporter(requireWriter(out), naming);
    }

    /** The exporter of a format: {@link #jsonLines}, {@link #csv}, {@link #influx} or {@link #openMetrics}. */
    public static Exporter of(ExportFormat format, Writer out, NamingConvention naming) {
        switch (Objects.requireNonNull(format, "format must not be null")) {
            case JSON_LINES:
                return jsonLines(out, naming);
            case CSV:
                return csv(out, naming);
            case INFLUX:
                return influx(out, naming);
            case OPENMETRICS:
                return openMetrics(out, naming);
            default:
                throw new IllegalArgumentException("unknown export format " + format);
        }
    }

    /**
     * Every event except frames as JSON Lines: status changes, alerts, log lines, scenario events and analytics
     * results, one object per event. Each starts with {@code type} ({@code status_changed}, {@code alert_raised},
     * {@code alert_resolved}, {@code log}, {@code scenario_started}, {@code scenario_step}, {@code scenario_ended},
     * {@code anomaly}, {@code forecast}, {@code prediction}, {@code recommendation}) and {@code timestamp}, followed by
     * the event's fields under their record component names (the alert's fields for alert events, the log line's for
     * log events). Frames are skipped.
     */
    public static Exporter events(Writer out) {
        return new EventsExporter(requireWriter(out));
    }

    /**
     * Writes ground-truth incidents (as from {@link io.openmanager.vibe.sim.SimulationEngine#incidents}) as a
     * pretty-printed JSON array of objects with the fields {@code id}, {@code scenario}, {@code title},
     * {@code origin}, {@code affected} (hostname to metric names), {@code start}, {@code recoveryStart} and
     * {@code end} (ISO-8601 instants), and a final line feed. Flushes the writer and leaves it open.
     */
    public static void writeIncidents(Writer out, List<Incident> incidents) throws IOException {
        Objects.requireNonNull(incidents, "incidents must not be null");
        IncidentsJson.write(requireWriter(out), incidents);
    }

    private static Writer requireWriter(Writer out) {
        return Objects.requireNonNull(out, "writer must not be null");
    }
}
