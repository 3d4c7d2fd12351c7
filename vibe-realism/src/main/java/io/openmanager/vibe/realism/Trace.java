package io.openmanager.vibe.realism;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric of one server on a regular time grid: {@code values[i]} is the value at
 * {@code startMillis + i * stepMillis}, NaN where the source had no sample.
 *
 * @param source      where it came from: a file name, or {@code simulated}
 * @param server      the server's name within the source
 * @param metric      the metric, one of {@link TraceMetric}
 * @param startMillis epoch millis of the first value
 * @param stepMillis  time between values; positive
 * @param values      the values; not copied, do not modify
 */
public record Trace(String source, String server, TraceMetric metric, long startMillis, long stepMillis,
                    double[] values) {

    /** Validates the fields. */
    public Trace {
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(server, "server must not be null");
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(values, "values must not be null");
        if (stepMillis <= 0) {
            throw new IllegalArgumentException("step of " + source + "/" + server + " must be positive: " + stepMillis);
        }
    }

    /** Number of values, missing ones included. */
    public int length() {
        return values.length;
    }

    /** Number of values that are not NaN. */
    public int present() {
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    /** A short name: {@code source/server/metric}. */
    public String name() {
        return source + "/" + server + "/" + metric.label();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trace && ((Trace) o).name().equals(name()) && ((Trace) o).startMillis == startMillis
                && ((Trace) o).stepMillis == stepMillis && Arrays.equals(((Trace) o).values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), startMillis, stepMillis, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Trace[" + name() + ", " + values.length + " values of " + stepMillis + " ms]";
    }
}
