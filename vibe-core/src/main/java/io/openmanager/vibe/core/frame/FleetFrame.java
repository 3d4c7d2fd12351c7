package io.openmanager.vibe.core.frame;

import io.openmanager.vibe.core.Fleet;
import io.openmanager.vibe.core.metric.MetricSet;
import io.openmanager.vibe.core.status.Status;

import java.time.Instant;

/**
 * The values of every metric of a range of servers at one instant, and each server's status: a read-only, columnar
 * view backed by one primitive array per metric. No object exists per sample.
 *
 * <p>Servers are addressed by their dense fleet index and metrics by their dense {@link MetricSet} index. A frame
 * covers the servers {@code [serverFrom(), serverTo())} of its fleet: the whole fleet, or one shard of it. A missing
 * value (a server that did not report) reads as {@link Double#NaN}.
 *
 * <p><b>Lifetime.</b> A producer may reuse one frame from tick to tick. A frame received in a synchronous callback is
 * valid until the callback returns; a listener that keeps it calls {@link #copy()}. Frames delivered asynchronously
 * are already detached copies.
 */
public sealed interface FleetFrame permits MutableFleetFrame, ReadOnlyFleetFrame {

    /** The fleet whose servers this frame covers. */
    Fleet fleet();

    /** The metrics of this frame and their indexes. */
    MetricSet metrics();

    /** The simulation tick (or sequence number) of this instant. */
    long tick();

    /** The instant of the values, milliseconds since the epoch. */
    long timestampMillis();

    /** The instant of the values. */
    default Instant timestamp() {
        return Instant.ofEpochMilli(timestampMillis());
    }

    /** First fleet index covered (inclusive). */
    int serverFrom();

    /** Last fleet index covered (exclusive). */
    int serverTo();

    /** Number of servers covered. */
    default int serverCount() {
        return serverTo() - serverFrom();
    }

    /**
     * The value of one metric of one server; NaN when missing.
     *
     * @param server fleet index in {@code [serverFrom(), serverTo())}
     * @param metric metric index in {@code [0, metrics().size())}
     * @throws IndexOutOfBoundsException naming the index and the valid range
     */
    double value(int server, int metric);

    /** Whether a server reported a value for a metric (the value is not NaN). */
    default boolean hasValue(int server, int metric) {
        return !Double.isNaN(value(server, metric));
    }

    /**
     * The overall status of a server at this instant, as its producer judged it (HEALTHY until a producer sets one).
     *
     * @param server fleet index in {@code [serverFrom(), serverTo())}
     */
    Status status(int server);

    /**
     * Copies one metric's column into {@code destination} starting at {@code offset}: {@code serverCount()} values in
     * fleet order. Allocation-free.
     */
    void copyColumn(int metric, double[] destination, int offset);

    /** An immutable, detached copy that stays valid after the producer moves on. */
    FleetFrame copy();
}
