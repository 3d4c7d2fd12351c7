package io.openmanager.vibe.core.metric;

import io.openmanager.vibe.core.internal.Checks;

/**
 * A kind of measurement, such as CPU usage: its canonical (seed) name, unit, valid range and its names in the other
 * {@link NamingConvention}s. An immutable value; the dense index used in columnar frames comes from the
 * {@link MetricSet} that holds the metric.
 *
 * <p>The six standard metrics are constants here. Users define more with {@link #builder(String)}.
 *
 * @param name        canonical name in the seed convention, for example {@code cpu_usage}
 * @param unit        unit symbol of values in the seed convention, for example {@code %} or {@code ms}
 * @param min         smallest valid value (inclusive)
 * @param max         largest valid value (inclusive); may be {@link Double#POSITIVE_INFINITY}
 * @param description one line saying what is measured
 * @param otel        name, unit and scale in the OpenTelemetry convention
 * @param prometheus  name, unit and scale in the Prometheus convention
 */
public record Metric(String name, String unit, double min, double max, String description,
                     ExternalName otel, ExternalName prometheus) {

    /** CPU utilisation of the whole host, percent 0..100. */
    public static final Metric CPU_USAGE = new Metric("cpu_usage", "%", 0, 100, "CPU utilisation of the host",
            new ExternalName("system.cpu.utilization", "1", 0.01),
            new ExternalName("node_cpu_utilization_ratio", "ratio", 0.01));
    /** Memory in use, percent 0..100. */
    public static final Metric MEMORY_USAGE = new Metric("memory_usage", "%", 0, 100, "memory in use",
            new ExternalName("system.memory.utilization", "1", 0.01),
            new ExternalName("node_memory_utilization_ratio", "ratio", 0.01));
    /** Space used on the busiest file system, percent 0..100. */
    public static final Metric DISK_USAGE = new Metric("disk_usage", "%", 0, 100, "file system space in use",
            new ExternalName("system.filesystem.utilization", "1", 0.01),
            new ExternalName("node_filesystem_utilization_ratio", "ratio", 0.01));
    /** Network receive rate, MB/s (10^6 bytes per second). */
    public static final Metric NETWORK_IN = new Metric("network_in", "MB/s", 0, Double.POSITIVE_INFINITY,
            "network bytes received per second",
            new ExternalName("system.network.io.receive", "By/s", 1e6),
            new ExternalName("node_network_receive_bytes_per_second", "bytes", 1e6));
    /** Network transmit rate, MB/s (10^6 bytes per second). */
    public static final Metric NETWORK_OUT = new Metric("network_out", "MB/s", 0, Double.POSITIVE_INFINITY,
            "network bytes sent per second",
            new ExternalName("system.network.io.transmit", "By/s", 1e6),
            new ExternalName("node_network_transmit_bytes_per_second", "bytes", 1e6));
    /** Mean response time of requests served, milliseconds. */
    public static final Metric RESPONSE_TIME = new Metric("response_time", "ms", 0, Double.POSITIVE_INFINITY,
            "mean request response time",
            new ExternalName("http.server.request.duration", "s", 0.001),
            new ExternalName("http_server_request_duration_seconds", "seconds", 0.001));

    /** Validates every field; the message names the field and the value. */
    public Metric {
        Checks.identifier("name", name);
        Checks.notNull("unit", unit);
        if (Double.isNaN(min) || Double.isNaN(max) || min == Double.POSITIVE_INFINITY
                || max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("range of metric '" + name + "' must be a real interval: ["
                    + min + ", " + max + "]");
        }
        if (min > max) {
            throw new IllegalArgumentException("min of metric '" + name + "' must be <= max: min " + min
                    + " > max " + max);
        }
        Checks.notNull("description", description);
        Checks.notNull("otel", otel);
        Checks.notNull("prometheus", prometheus);
    }

    /** The metric's name in a convention. */
    public String nameIn(NamingConvention convention) {
        switch (convention) {
            case OPENTELEMETRY:
                return otel.name();
            case PROMETHEUS:
                return prometheus.name();
            default:
                return name;
        }
    }

    /** The metric's unit symbol in a convention. */
    public String unitIn(NamingConvention convention) {
        switch (convention) {
            case OPENTELEMETRY:
                return otel.unit();
            case PROMETHEUS:
                return prometheus.unit();
            default:
                return unit;
        }
    }

    /** Converts a value in the seed unit to the unit of a convention ({@code 42 %} becomes {@code 0.42}). */
    public double toConvention(NamingConvention convention, double value) {
        switch (convention) {
            case OPENTELEMETRY:
                return value * otel.scale();
            case PROMETHEUS:
                return value * prometheus.scale();
            default:
                return value;
        }
    }

    /** Whether a value lies in {@code [min, max]}; NaN is never valid. */
    public boolean isValid(double value) {
        return value >= min && value <= max;
    }

    /** Clamps a value into {@code [min, max]}; NaN stays NaN (it means "missing"). */
    public double clamp(double value) {
        return value < min ? min : (value > max ? max : value);
    }

    /** Starts a builder for a user-defined metric with the given seed-convention name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Builds a user-defined {@link Metric}. Unless set, the OpenTelemetry name is {@code custom.<name>} with dots for
     * underscores and the Prometheus name equals the seed name, both with scale 1 and the seed unit.
     */
    public static final class Builder {
        private final String name;
        private String unit = "1";
        private double min = Double.NEGATIVE_INFINITY;
        private double max = Double.POSITIVE_INFINITY;
        private String description = "";
        private ExternalName otel;
        private ExternalName prometheus;

        private Builder(String name) {
            this.name = Checks.identifier("name", name);
        }

        /** Unit symbol in the seed convention (default {@code "1"}). */
        public Builder unit(String unit) {
            this.unit = Checks.notNull("unit", unit);
            return this;
        }

        /** Valid range, inclusive (default unbounded). */
        public Builder range(double min, double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** One-line description. */
        public Builder description(String description) {
            this.description = Checks.notNull("description", description);
            return this;
        }

        /** Name, unit and scale in OpenTelemetry. */
        public Builder otel(String name, String unit, double scale) {
            this.otel = new ExternalName(name, unit, scale);
            return this;
        }

        /** Name, unit and scale in Prometheus. */
        public Builder prometheus(String name, String unit, double scale) {
            this.prometheus = new ExternalName(name, unit, scale);
            return this;
        }

        /** Validates and builds the metric. */
        public Metric build() {
            ExternalName o = otel != null ? otel : new ExternalName("custom." + name.replace('_', '.'), unit, 1);
            ExternalName p = prometheus != null ? prometheus : new ExternalName(name, unit, 1);
            return new Metric(name, unit, min, max, description, o, p);
        }
    }
}
