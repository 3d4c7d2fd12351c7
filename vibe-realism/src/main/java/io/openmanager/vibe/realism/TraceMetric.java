package io.openmanager.vibe.realism;

import java.util.Locale;
import java.util.Optional;

/** The metrics that realism is measured on. */
public enum TraceMetric {
    /** CPU utilisation, percent of capacity. */
    CPU("cpu", "cpu_usage"),
    /** Memory in use, percent of capacity. */
    MEMORY("memory", "memory_usage"),
    /** Inbound network traffic, any unit (statistics are unit-free). */
    NETWORK_IN("network_in", "network_in"),
    /** Outbound network traffic, any unit. */
    NETWORK_OUT("network_out", "network_out");

    private final String label;
    private final String simulatorMetric;

    TraceMetric(String label, String simulatorMetric) {
        this.label = label;
        this.simulatorMetric = simulatorMetric;
    }

    /** Short name, as in files of the long format: {@code cpu}, {@code memory}, {@code network_in} ... */
    public String label() {
        return label;
    }

    /** The simulator's metric name ({@code cpu_usage} ...). */
    public String simulatorMetric() {
        return simulatorMetric;
    }

    /**
     * The metric a name stands for: a label, a simulator name, or a file name that contains one of them
     * ({@code ec2_cpu_utilization_24ae8d}, {@code iio_us-east-1_i-a2eb1cd9_NetworkIn}).
     */
    public static Optional<TraceMetric> recognise(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "_");
        if (n.contains("cpu")) {
            return Optional.of(CPU);
        }
        if (n.contains("mem")) {
            return Optional.of(MEMORY);
        }
        if (n.contains("network_in") || n.contains("networkin") || n.equals("net_in")) {
            return Optional.of(NETWORK_IN);
        }
        if (n.contains("network_out") || n.contains("networkout") || n.equals("net_out")) {
            return Optional.of(NETWORK_OUT);
        }
        return Optional.empty();
    }
}
