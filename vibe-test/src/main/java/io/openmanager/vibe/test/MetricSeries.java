package io.openmanager.vibe.test;

import io.openmanager.vibe.sim.Incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One simulated metric of one server at evenly spaced instants: the values and their timestamps, with the seed that
 * produced them and the ground-truth incidents that touched the server meanwhile. Immutable; accessors that return
 * arrays return copies.
 *
 * <p>Value {@code i} belongs to the instant {@code start + i * step}. A missing value (a server that was offline) is
 * {@link Double#NaN}.
 */
public final class MetricSeries {
    private final String hostname;
    private final String metric;
    private final long seed;
    private final Instant start;
    private final Duration step;
    private final double[] values;
    private final List<Incident> incidents;

    MetricSeries(String hostname, String metric, long seed, Instant start, Duration step, double[] values,
                 List<Incident> incidents) {
        this.hostname = hostname;
        this.metric = metric;
        this.seed = seed;
        this.start = start;
        this.step = step;
        this.values = values;
        this.incidents = List.copyOf(incidents);
    }

    /** The server's hostname. */
    public String hostname() {
        return hostname;
    }

    /** The metric's name in the seed convention, for example {@code cpu_usage}. */
    public String metric() {
        return metric;
    }

    /** The simulation seed that produced the values: the same seed and settings give the same values. */
    public long seed() {
        return seed;
    }

    /** The instant of value 0. */
    public Instant start() {
        return start;
    }

    /** Time between two values. */
    public Duration step() {
        return step;
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /**
     * Value {@code index}; NaN when missing.
     *
     * @throws IndexOutOfBoundsException naming the index and the size
     */
    public double value(int index) {
        Objects.checkIndex(index, values.length);
        return values[index];
    }

    /** The timestamp of value {@code index}, in milliseconds since the epoch. */
    public long timestampMillis(int index) {
        Objects.checkIndex(index, values.length);
        return start.toEpochMilli() + index * step.toMillis();
    }

    /** The instant of value {@code index}. */
    public Instant timestamp(int index) {
        return Instant.ofEpochMilli(timestampMillis(index));
    }

    /** A copy of the values, in time order. */
    public double[] values() {
        return values.clone();
    }

    /** A copy of the timestamps in milliseconds since the epoch, one per value. */
    public long[] timestampsMillis() {
        long[] result = new long[values.length];
        long first = start.toEpochMilli();
        long stepMillis = step.toMillis();
        for (int i = 0; i < result.length; i++) {
            result[i] = first + i * stepMillis;
        }
        return result;
    }

    /**
     * The index of the last value at or before an instant, clamped to {@code [0, size() - 1]}.
     *
     * @throws IllegalStateException if the series is empty
     */
    public int indexAt(Instant instant) {
        if (values.length == 0) {
            throw new IllegalStateException("the series is empty");
        }
        long i = Math.floorDiv(instant.toEpochMilli() - start.toEpochMilli(), step.toMillis());
        return (int) Math.max(0, Math.min(values.length - 1L, i));
    }

    /** Ground truth: the incidents that affected this server within the series, ordered by start. */
    public List<Incident> incidents() {
        return incidents;
    }

    /** Whether any incident affected this server at the instant of value {@code index}. */
    public boolean isDuringIncident(int index) {
        Instant at = timestamp(index);
        for (Incident incident : incidents) {
            if (incident.covers(at)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricSeries)) {
            return false;
        }
        MetricSeries that = (MetricSeries) o;
        return seed == that.seed && hostname.equals(that.hostname) && metric.equals(that.metric)
                && start.equals(that.start) && step.equals(that.step) && Arrays.equals(values, that.values)
                && incidents.equals(that.incidents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostname, metric, seed, start, step, Arrays.hashCode(values));
    }

    /** A short description that identifies the series: server, metric, length, step, seed and incidents. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MetricSeries[").append(hostname).append(' ').append(metric)
                .append(", ").append(values.length).append(" values from ").append(start).append(" every ")
                .append(step).append(", seed ").append(seed);
        for (Incident incident : incidents) {
            text.append(", ").append(incident.id());
        }
        return text.append(']').toString();
    }
}
