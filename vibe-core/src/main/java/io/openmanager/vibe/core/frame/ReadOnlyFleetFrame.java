package io.openmanager.vibe.core.frame;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;

/** A read-only view of a {@link MutableFleetFrame}; listeners cannot reach the writable frame through it. */
final class ReadOnlyFleetFrame implements FleetFrame {
    private final MutableFleetFrame frame;

    ReadOnlyFleetFrame(MutableFleetFrame frame) {
        this.frame = frame;
    }

    @Override
    public Fleet fleet() {
        return frame.fleet();
    }

    @Override
    public MetricSet metrics() {
        return frame.metrics();
    }

    @Override
    public long tick() {
        return frame.tick();
    }

    @Override
    public long timestampMillis() {
        return frame.timestampMillis();
    }

    @Override
    public int serverFrom() {
        return frame.serverFrom();
    }

    @Override
    public int serverTo() {
        return frame.serverTo();
    }

    @Override
    public double value(int server, int metric) {
        return frame.value(server, metric);
    }

    @Override
    public Status status(int server) {
        return frame.status(server);
    }

    @Override
    public void copyColumn(int metric, double[] destination, int offset) {
        frame.copyColumn(metric, destination, offset);
    }

    @Override
    public FleetFrame copy() {
        return frame.copy();
    }

    @Override
    public String toString() {
        return frame.toString();
    }
}
