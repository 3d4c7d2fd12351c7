package io.openmanager.vibe.core.metric;

import io.openmanager.vibe.core.internal.Checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ordered, immutable set of metrics that gives each a dense index {@code 0 .. size()-1}, so that values can live in
 * primitive arrays. Names are unique in every convention.
 *
 * <p>{@link #standard()} holds the six standard metrics at fixed indexes: {@link #CPU} 0, {@link #MEMORY} 1,
 * {@link #DISK} 2, {@link #NETWORK_IN} 3, {@link #NETWORK_OUT} 4, {@link #RESPONSE_TIME} 5. A set built with
 * {@code builder().addStandard()} keeps those indexes and appends user metrics after them.
 */
public final class MetricSet {
    /** Index of {@link Metric#CPU_USAGE} in sets that start with the standard metrics. */
    public static final int CPU = 0;
    /** Index of {@link Metric#MEMORY_USAGE} in sets that start with the standard metrics. */
    public static final int MEMORY = 1;
    /** Index of {@link Metric#DISK_USAGE} in sets that start with the standard metrics. */
    public static final int DISK = 2;
    /** Index of {@link Metric#NETWORK_IN} in sets that start with the standard metrics. */
    public static final int NETWORK_IN = 3;
    /** Index of {@link Metric#NETWORK_OUT} in sets that start with the standard metrics. */
    public static final int NETWORK_OUT = 4;
    /** Index of {@link Metric#RESPONSE_TIME} in sets that start with the standard metrics. */
    public static final int RESPONSE_TIME = 5;

    private static final List<Metric> STANDARD_METRICS = List.of(Metric.CPU_USAGE, Metric.MEMORY_USAGE,
            Metric.DISK_USAGE, Metric.NETWORK_IN, Metric.NETWORK_OUT, Metric.RESPONSE_TIME);
    private static final MetricSet STANDARD = new MetricSet(STANDARD_METRICS);

    private final List<Metric> metrics;
    private final Map<String, Integer> indexByName;

    private MetricSet(List<Metric> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a metric set needs at least one metric: got 0");
        }
        this.metrics = List.copyOf(metrics);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.metrics.size(); i++) {
            Metric metric = this.metrics.get(i);
            for (NamingConvention convention : NamingConvention.values()) {
                String name = metric.nameIn(convention);
                Integer clash = indexByName.putIfAbsent(name, i);
                if (clash != null && clash != i) {
                    throw new IllegalArgumentException("duplicate metric name '" + name + "' ("
                            + convention.name().toLowerCase(Locale.ROOT) + ") at positions "
                            + clash + " and " + i);
                }
            }
        }
    }

    /** The six standard metrics in their fixed order. */
    public static MetricSet standard() {
        return STANDARD;
    }

    /** A set of the given metrics in the given order. */
    public static MetricSet of(List<Metric> metrics) {
        Checks.notNull("metrics", metrics);
        for (Metric metric : metrics) {
            Checks.notNull("metric", metric);
        }
        return new MetricSet(metrics);
    }

    /** Starts an empty builder; call {@link Builder#addStandard()} first to keep the standard indexes. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of metrics. */
    public int size() {
        return metrics.size();
    }

    /** The metric at a dense index. */
    public Metric get(int index) {
        if (index < 0 || index >= metrics.size()) {
            throw new IndexOutOfBoundsException("metric index " + index + " outside set of " + metrics.size());
        }
        return metrics.get(index);
    }

    /** The metrics in index order; unmodifiable. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** The index of a metric by its name in any convention, or -1. */
    public int indexOf(String name) {
        Integer index = indexByName.get(name);
        return index == null ? -1 : index;
    }

    /** The index of a metric, or -1. */
    public int indexOf(Metric metric) {
        int index = indexOf(metric.name());
        return index >= 0 && metrics.get(index).equals(metric) ? index : -1;
    }

    /**
     * The index of a metric by name, failing with the known names if absent.
     *
     * @throws IllegalArgumentException naming the unknown metric and listing the known ones
     */
    public int require(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown metric '" + name + "'; known metrics: "
                    + String.join(", ", names()));
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSet && ((MetricSet) o).metrics.equals(metrics);
    }

    @Override
    public int hashCode() {
        return metrics.hashCode();
    }

    @Override
    public String toString() {
        return "MetricSet" + names();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Metric metric : metrics) {
            names.add(metric.name());
        }
        return names;
    }

    /** Builds a {@link MetricSet}. */
    public static final class Builder {
        private final List<Metric> metrics = new ArrayList<>();

        private Builder() {
        }

        /** Appends the six standard metrics. */
        public Builder addStandard() {
            metrics.addAll(STANDARD_METRICS);
            return this;
        }

        /** Appends a metric. */
        public Builder add(Metric metric) {
            metrics.add(Checks.notNull("metric", metric));
            return this;
        }

        /** Validates (unique names in every convention) and builds the set. */
        public MetricSet build() {
            return new MetricSet(metrics);
        }
    }
}
