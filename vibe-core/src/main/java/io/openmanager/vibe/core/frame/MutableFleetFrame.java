package io.openmanager.vibe.core.frame;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.internal.Checks;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;

import java.util.Arrays;
import java.util.Objects;

/**
 * The writable frame that producers fill and reuse from tick to tick. Listeners receive it through {@link #view()},
 * which cannot be cast back to this class. Not thread-safe: one writer at a time.
 */
public final class MutableFleetFrame implements FleetFrame {
    private final Fleet fleet;
    private final MetricSet metrics;
    private final int serverFrom;
    private final int serverTo;
    private final double[][] columns;
    private final Status[] statuses;
    private final ReadOnlyFleetFrame view;
    private long tick;
    private long timestampMillis;

    /** A frame over the whole fleet, every value missing. */
    public MutableFleetFrame(Fleet fleet, MetricSet metrics) {
        this(fleet, metrics, 0, Checks.notNull("fleet", fleet).size());
    }

    /**
     * A frame over the servers {@code [serverFrom, serverTo)} of the fleet, every value missing.
     *
     * @throws IllegalArgumentException if the range is empty or outside the fleet
     */
    public MutableFleetFrame(Fleet fleet, MetricSet metrics, int serverFrom, int serverTo) {
        this.fleet = Checks.notNull("fleet", fleet);
        this.metrics = Checks.notNull("metrics", metrics);
        if (serverFrom < 0 || serverTo > fleet.size() || serverFrom >= serverTo) {
            throw new IllegalArgumentException("server range [" + serverFrom + ", " + serverTo
                    + ") must be a non-empty part of [0, " + fleet.size() + ")");
        }
        this.serverFrom = serverFrom;
        this.serverTo = serverTo;
        this.columns = new double[metrics.size()][serverTo - serverFrom];
        this.statuses = new Status[serverTo - serverFrom];
        clear();
        this.view = new ReadOnlyFleetFrame(this);
    }

    private MutableFleetFrame(MutableFleetFrame source) {
        this.fleet = source.fleet;
        this.metrics = source.metrics;
        this.serverFrom = source.serverFrom;
        this.serverTo = source.serverTo;
        this.columns = new double[source.columns.length][];
        for (int m = 0; m < columns.length; m++) {
            columns[m] = source.columns[m].clone();
        }
        this.statuses = source.statuses.clone();
        this.tick = source.tick;
        this.timestampMillis = source.timestampMillis;
        this.view = new ReadOnlyFleetFrame(this);
    }

    /** Sets the instant of the values. */
    public void setTime(long tick, long timestampMillis) {
        this.tick = tick;
        this.timestampMillis = timestampMillis;
    }

    /** Sets one value; NaN marks it missing. */
    public void set(int server, int metric, double value) {
        columns[checkMetric(metric)][checkServer(server) - serverFrom] = value;
    }

    /**
     * The backing column of a metric, for producers that fill a whole column in a tight loop. Element {@code i} holds
     * server {@code serverFrom() + i}. Callers must not hand this array to listeners.
     */
    public double[] column(int metric) {
        return columns[checkMetric(metric)];
    }

    /** Sets a server's overall status. */
    public void setStatus(int server, Status status) {
        statuses[checkServer(server) - serverFrom] = Objects.requireNonNull(status, "status must not be null");
    }

    /** Marks every value missing (NaN) and every status HEALTHY. */
    public void clear() {
        for (double[] column : columns) {
            Arrays.fill(column, Double.NaN);
        }
        Arrays.fill(statuses, Status.HEALTHY);
    }

    /** A read-only view of this frame that follows its changes; the same instance every call. */
    public FleetFrame view() {
        return view;
    }

    @Override
    public Fleet fleet() {
        return fleet;
    }

    @Override
    public MetricSet metrics() {
        return metrics;
    }

    @Override
    public long tick() {
        return tick;
    }

    @Override
    public long timestampMillis() {
        return timestampMillis;
    }

    @Override
    public int serverFrom() {
        return serverFrom;
    }

    @Override
    public int serverTo() {
        return serverTo;
    }

    @Override
    public double value(int server, int metric) {
        return columns[checkMetric(metric)][checkServer(server) - serverFrom];
    }

    @Override
    public Status status(int server) {
        return statuses[checkServer(server) - serverFrom];
    }

    @Override
    public void copyColumn(int metric, double[] destination, int offset) {
        double[] column = columns[checkMetric(metric)];
        System.arraycopy(column, 0, destination, offset, column.length);
    }

    @Override
    public FleetFrame copy() {
        return new MutableFleetFrame(this).view;
    }

    private int checkServer(int server) {
        if (server < serverFrom || server >= serverTo) {
            throw new IndexOutOfBoundsException("server index " + server + " outside frame range ["
                    + serverFrom + ", " + serverTo + ")");
        }
        return server;
    }

    private int checkMetric(int metric) {
        if (metric < 0 || metric >= columns.length) {
            throw new IndexOutOfBoundsException("metric index " + metric + " outside [0, " + columns.length + ")");
        }
        return metric;
    }

    @Override
    public String toString() {
        return "FleetFrame[tick=" + tick + ", servers=[" + serverFrom + ", " + serverTo + "), metrics="
                + metrics.size() + "]";
    }
}
