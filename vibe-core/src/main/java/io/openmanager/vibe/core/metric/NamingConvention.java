package io.openmanager.vibe.core.metric;

/** A family of metric names and units that exporters and importers speak. */
public enum NamingConvention {
    /** OpenManager Vibe's own names and units: {@code cpu_usage} in percent, {@code response_time} in ms. */
    SEED,
    /** OpenTelemetry semantic conventions: {@code system.cpu.utilization} as a ratio 0..1, durations in seconds. */
    OPENTELEMETRY,
    /** Prometheus conventions: snake case, base units in the name ({@code _ratio}, {@code _seconds}, {@code _bytes}). */
    PROMETHEUS
}
